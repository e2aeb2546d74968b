// The background job worker: every app process polls the jobs table and runs one job at a time. Claiming goes through
// FOR UPDATE SKIP LOCKED with a lease (db/queries/jobs.ts), so any number of processes can run this side by side and a
// job whose worker died is picked up again once its lease runs out. runNextJob is the unit tests drive directly.
import type { Db } from "../../db/client";
import * as q from "../../db/queries/jobs";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit";
import { logger } from "../logger";
import { toJobView } from "../services/telemetry/reprocess";
import { DEFAULT_CHUNK_SIZE, JobInterruptedError, LeaseLostError, PermanentJobError, runReprocess } from "./reprocess";

export const MAX_ATTEMPTS = 3;
/** Renewed after every chunk; a chunk takes well under a second, so only a dead worker lets it run out. */
export const DEFAULT_LEASE_MS = 60_000;

export interface RunJobOptions {
  chunkSize?: number;
  leaseMs?: number;
  signal?: AbortSignal;
}

export type JobOutcome = { id: string; status: "succeeded" | "failed" | "queued" | "lost" };

async function finish(db: Db, job: q.JobRow, status: "succeeded" | "failed", error?: string): Promise<JobOutcome> {
  const lease = { id: job.id, attempts: job.attempts };
  return db.transaction(async (tx) => {
    const done = await q.finishJob(tx, lease, { status, error });
    if (!done) return { id: job.id, status: "lost" };
    await recordAudit(tx, { requestId: `job-${job.id}` }, {
      action: `telemetry.reprocess_${status}`,
      entityType: "job",
      entityId: job.id,
      projectId: job.projectId,
      after: toJobView(done),
    });
    return { id: job.id, status };
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Claims and runs the next due job; null when there is none. Never throws for a failure of the job itself. */
export async function runNextJob(db: Db, options: RunJobOptions = {}): Promise<JobOutcome | null> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const job = await q.claimNextJob(db, leaseMs);
  if (!job) return null;
  const lease = { id: job.id, attempts: job.attempts };
  if (job.attempts > MAX_ATTEMPTS) {
    return finish(db, job, "failed", `Gave up after ${MAX_ATTEMPTS} attempts.${job.error ? ` Last error: ${job.error}` : ""}`);
  }
  try {
    await runReprocess(db, job, { chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE, leaseMs, signal: options.signal });
    return await finish(db, job, "succeeded");
  } catch (error) {
    if (error instanceof LeaseLostError) return { id: job.id, status: "lost" };
    if (error instanceof JobInterruptedError) {
      await q.releaseJob(db, lease);
      return { id: job.id, status: "queued" };
    }
    logger.warn({ err: error, jobId: job.id, attempt: job.attempts }, "job failed");
    const permanent = error instanceof PermanentJobError || error instanceof DomainError;
    if (permanent || job.attempts >= MAX_ATTEMPTS) return finish(db, job, "failed", messageOf(error));
    return (await q.requeueJob(db, lease, messageOf(error))) ? { id: job.id, status: "queued" } : { id: job.id, status: "lost" };
  }
}

export interface JobWorker {
  stop(): Promise<void>;
}

/** Polls every `pollMs` (a plain poll, not a retry schedule) and drains due jobs one at a time until stopped. */
export function startJobWorker(deps: { getDb: () => Db }, options: { pollMs?: number } = {}): JobWorker {
  const pollMs = options.pollMs ?? 1_000;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      // Drain what is due; a job put back for a retry waits for the next poll.
      while (!abort.signal.aborted) {
        const outcome = await runNextJob(deps.getDb(), { signal: abort.signal });
        if (!outcome || outcome.status === "queued") break;
      }
    } catch (error) {
      logger.error({ err: error }, "job worker poll failed");
    }
    if (!abort.signal.aborted) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => (running = tick()), pollMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
