"use client";
// The "which of the run's sensors, and the whole run or one session" part shared by the reprocess and attach dialogs,
// with its loading and no-sensors states; `children` goes between the two selects.
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { SelectField } from "../../../_components/form";
import type { FieldErrors } from "../../../_lib/errors";
import { Skeleton } from "../../../_components/skeleton";
import { useTRPC } from "../../../_lib/trpc";

export function useRunSensorChoice(projectId: string, runId: string) {
  const trpc = useTRPC();
  const sensors = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId }));
  const sessions = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const sensorId = chosen ?? sensors.data?.[0]?.id ?? "";
  return { sensors, sessions, sensorId, setChosen, noSensors: sensors.isSuccess && sensors.data.length === 0 };
}

interface Props {
  choice: ReturnType<typeof useRunSensorChoice>;
  errors: FieldErrors;
  prefix: string;
  scopeLabel: string;
  runOption: string;
  sessionOption: (ordinal: number) => string;
  children?: ReactNode;
}

export function SensorScopeFields({ choice, errors, prefix, scopeLabel, runOption, sessionOption, children }: Props) {
  const { sensors, sessions, sensorId, setChosen, noSensors } = choice;
  if (sensors.isPending || sessions.isPending) return <Skeleton lines={3} label="Loading sensors and sessions" />;
  if (noSensors) return <p data-testid={`${prefix}-no-sensors`}>This run has no sensors yet. Choose the run&apos;s sensors first.</p>;
  return (
    <>
      <SelectField
        name="sensorId"
        label="Sensor"
        errors={errors}
        testId={`${prefix}-sensor`}
        value={sensorId}
        onChange={(e) => setChosen(e.target.value)}
        options={(sensors.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.unit})` }))}
      />
      {children}
      <SelectField
        name="scope"
        label={scopeLabel}
        errors={errors}
        testId={`${prefix}-scope`}
        defaultValue="run"
        options={[{ value: "run", label: runOption }, ...(sessions.data ?? []).map((s) => ({ value: s.id, label: sessionOption(s.ordinalNumber) }))]}
      />
    </>
  );
}
