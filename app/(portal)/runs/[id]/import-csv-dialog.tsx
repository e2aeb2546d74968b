"use client";
// Backfill one sensor's historical readings from a CSV file (timestamp,raw_value[,meta…]) into this run or one of its
// sessions, through POST /api/v1/telemetry/import, and show the receipt: accepted, duplicates and rejected lines.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { ImportReceipt } from "@/server/telemetry/import/import";
import { Dialog, DialogFooter } from "../../../_components/dialog";
import { FormError, SelectField } from "../../../_components/form";
import { Skeleton } from "../../../_components/skeleton";
import { useTRPC } from "../../../_lib/trpc";

interface Props {
  projectId: string;
  runId: string;
  onClose: () => void;
}

type ErrorBody = { error?: { message?: string; details?: { receipt?: ImportReceipt } } };
type Outcome = { receipt: ImportReceipt | null; error: string | null };

async function uploadCsv(params: URLSearchParams, file: File): Promise<Outcome> {
  try {
    const res = await fetch(`/api/v1/telemetry/import?${params}`, { method: "POST", headers: { "content-type": "text/csv" }, body: file });
    if (res.ok) return { receipt: (await res.json()) as ImportReceipt, error: null };
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    return { receipt: body?.error?.details?.receipt ?? null, error: body?.error?.message ?? `The upload failed with status ${res.status}.` };
  } catch {
    return { receipt: null, error: "Network error: check your connection and try again." };
  }
}

export function ImportCsvDialog({ projectId, runId, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sensors = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId }));
  const sessions = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId }));
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ receipt: null, error: null });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setOutcome({ receipt: null, error: "Choose a non-empty CSV file." });
    const session = String(data.get("session") ?? "");
    const params = new URLSearchParams({ project_id: projectId, sensor_id: String(data.get("sensorId") ?? "") });
    params.set(session ? "capture_session_id" : "run_id", session || runId);
    setPending(true);
    const result = await uploadCsv(params, file);
    setPending(false);
    setOutcome(result);
    if (result.error) return;
    toast.success(`Imported ${result.receipt?.accepted ?? 0} readings`);
    // Charts and stats of this run now have more data.
    void queryClient.invalidateQueries({ queryKey: trpc.telemetry.pathKey() });
  }

  const noSensors = sensors.isSuccess && sensors.data.length === 0;
  return (
    <Dialog open onClose={onClose} title="Import readings from CSV" testId="import-csv-dialog">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Import readings from CSV">
        <div className="dialog-body">
          <FormError message={outcome.error} />
          <p className="muted">
            A header row <code>timestamp,raw_value</code>, then one reading per line (ISO-8601 with a zone, or epoch ms). Extra columns are kept as
            metadata. Readings go through the same checks as a sensor&apos;s own; re-uploading a file only adds duplicates.
          </p>
          {sensors.isPending || sessions.isPending ? (
            <Skeleton lines={3} label="Loading sensors and sessions" />
          ) : noSensors ? (
            <p data-testid="import-no-sensors">This run has no sensors yet. Choose the run&apos;s sensors first.</p>
          ) : (
            <>
              <SelectField name="sensorId" label="Sensor" errors={{}} testId="import-sensor" options={(sensors.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
              <SelectField
                name="session"
                label="Into"
                errors={{}}
                testId="import-session"
                defaultValue=""
                options={[{ value: "", label: "The run (no session)" }, ...(sessions.data ?? []).map((s) => ({ value: s.id, label: `Capture session #${s.ordinalNumber}` }))]}
              />
              <div className="field">
                <label htmlFor="import-file">CSV file</label>
                <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="input" data-testid="import-file" required />
              </div>
            </>
          )}
          {outcome.receipt ? <Receipt receipt={outcome.receipt} /> : null}
        </div>
        <DialogFooter onCancel={onClose} label="Upload" pendingLabel="Uploading…" pending={pending} disabled={noSensors} testId="import-submit" />
      </form>
    </Dialog>
  );
}

const SHOWN_REJECTIONS = 50;

function Receipt({ receipt }: { receipt: ImportReceipt }) {
  const more = receipt.rejected.length - SHOWN_REJECTIONS;
  return (
    <div data-testid="import-receipt" aria-live="polite">
      <p>
        <strong data-testid="import-accepted">{receipt.accepted.toLocaleString()}</strong> accepted ·{" "}
        <strong data-testid="import-duplicates">{receipt.duplicates.toLocaleString()}</strong> duplicates ·{" "}
        <strong data-testid="import-rejected">{receipt.rejected.length.toLocaleString()}</strong> rejected, of {receipt.lines.toLocaleString()} lines
      </p>
      {receipt.rejected.length > 0 ? (
        <ul className="muted" style={{ maxHeight: "10rem", overflowY: "auto", margin: 0 }}>
          {receipt.rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
            <li key={r.line} data-testid="import-rejected-line">
              Line {r.line}: <code>{r.code}</code> — {r.message}
            </li>
          ))}
          {more > 0 ? <li>… and {more.toLocaleString()} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
