"use client";
// Choosing a run's sensors: a filterable checkbox list of the project's sensors (200 a page), saved as a whole set.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { MAX_RUN_SENSORS } from "@/contracts/run-sensor";
import { Dialog, DialogFooter } from "../../../_components/dialog";
import { ErrorNotice } from "../../../_components/error-notice";
import { FormError } from "../../../_components/form";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";

interface EditProps {
  projectId: string;
  runId: string;
  current: string[];
  recordingNow: boolean;
  onClose: () => void;
}

export function RunSensorPicker({ projectId, runId, current, recordingNow, onClose }: EditProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(current));
  const [filter, setFilter] = useState("");
  const options = useInfiniteQuery(
    trpc.sensor.list.infiniteQueryOptions({ projectId, limit: 200 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const save = useMutation(
    trpc.runSensor.set.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.runSensor.list.queryKey({ projectId, runId }), saved);
        toast.success(saved.length === 1 ? "The run now records 1 sensor" : `The run now records ${saved.length} sensors`);
        onClose();
      },
    }),
  );
  const all = options.data?.pages.flatMap((p) => p.items) ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? all.filter((s) => `${s.name} ${s.type} ${s.unit}`.toLowerCase().includes(needle)) : all;
  const toggle = (id: string) => setChosen((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : new Set([...prev, id])));
  const tooMany = chosen.size > MAX_RUN_SENSORS;

  return (
    <Dialog open onClose={onClose} title="Choose the run's sensors" testId="run-sensors-dialog">
      <form
        noValidate
        aria-label="Run sensors"
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooMany) save.mutate({ projectId, runId, sensorIds: [...chosen] });
        }}
      >
        <div className="dialog-body">
          <FormError message={save.isError ? messageOf(save.error) : null} />
          {recordingNow ? (
            <p className="muted" data-testid="run-sensors-live-hint">
              A capture session is recording now: sensors you add start recording into it, sensors you remove stop (their readings stay).
            </p>
          ) : null}
          {options.isPending ? (
            <Skeleton lines={4} label="Loading the project's sensors" />
          ) : options.isError ? (
            <ErrorNotice message={messageOf(options.error)} onRetry={() => void options.refetch()} />
          ) : all.length === 0 ? (
            <p data-testid="run-sensors-no-options">
              This project has no sensors yet. <Link href="/sensors">Register one on the Sensors page</Link>, then come back.
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="run-sensors-filter">Filter</label>
                <input id="run-sensors-filter" className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name, type or unit" />
              </div>
              <fieldset style={{ border: "none", padding: 0, margin: 0, maxHeight: "18rem", overflowY: "auto" }} data-testid="run-sensors-options">
                <legend className="muted" style={{ marginBottom: "0.4rem" }}>
                  {chosen.size} chosen (at most {MAX_RUN_SENSORS})
                </legend>
                {shown.map((s) => (
                  <label key={s.id} className="row" style={{ gap: "0.5rem", padding: "0.2rem 0" }}>
                    <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} data-testid="run-sensor-option" />
                    <span>{s.name}</span>
                    <span className="muted">
                      {s.type}, {s.unit}
                    </span>
                  </label>
                ))}
                {shown.length === 0 ? <p className="muted">No sensor matches “{filter}”.</p> : null}
              </fieldset>
              {options.hasNextPage ? (
                <button type="button" className="btn btn-small" disabled={options.isFetchingNextPage} onClick={() => void options.fetchNextPage()}>
                  {options.isFetchingNextPage ? "Loading…" : "Show more sensors"}
                </button>
              ) : null}
              {tooMany ? <p className="field-error" role="alert">Choose at most {MAX_RUN_SENSORS} sensors.</p> : null}
            </>
          )}
        </div>
        <DialogFooter onCancel={onClose} label="Save" pendingLabel="Saving…" pending={save.isPending} disabled={tooMany} testId="run-sensors-save" />
      </form>
    </Dialog>
  );
}
