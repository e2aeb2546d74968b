// The SQL of background jobs: queueing, claiming with FOR UPDATE SKIP LOCKED under a lease (a job whose lease ran out
// is claimable again, so a crashed worker's job resumes), fenced progress updates, and the reading chunks a reprocess
// job walks in time order. `attempts` doubles as the fencing token: a worker that lost its lease can no longer write.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { captureSessions, jobs, runs } from "../schema";

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = Pick<typeof jobs.$inferInsert, "projectId" | "kind" | "payload" | "total" | "createdBy">;

export async function insertJob(db: Queryable, values: NewJob): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

export async function findJobInProject(db: Queryable, { projectId, id }: { projectId: string; id: string }): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.projectId, projectId)))
    .limit(1);
  return row;
}

export async function listJobs(db: Queryable, { projectId, runId, limit }: { projectId: string; runId?: string; limit: number }): Promise<JobRow[]> {
  const conditions = [eq(jobs.projectId, projectId)];
  if (runId) conditions.push(sql`${jobs.payload}->>'runId' = ${runId}`);
  return db
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}

/** A queued or running reprocess of this sensor in this run (whatever its session scope): they would overlap. */
export async function findActiveReprocess(db: Queryable, { sensorId, runId }: { sensorId: string; runId: string }): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, "reprocess"),
        sql`${jobs.status} in ('queued', 'running')`,
        sql`${jobs.payload}->>'sensorId' = ${sensorId}`,
        sql`${jobs.payload}->>'runId' = ${runId}`,
      ),
    )
    .limit(1);
  return row;
}

/**
 * Claims the oldest queued job, or a running one whose lease has run out, and leases it for `leaseMs`. Concurrent
 * claimers skip a row another one holds instead of waiting for it, so no two workers ever get the same job.
 */
export async function claimNextJob(db: Queryable, leaseMs: number): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({
      status: "running",
      attempts: sql`${jobs.attempts} + 1`,
      updatedAt: sql`now()`,
      lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
    })
    .where(
      sql`${jobs.id} = (
        select id from jobs
        where status = 'queued' or (status = 'running' and locked_until < now())
        order by created_at, id
        for update skip locked
        limit 1)`,
    )
    .returning();
  return row;
}

export interface JobLease {
  id: string;
  /** The attempt number the worker claimed: the fencing token. */
  attempts: number;
}

const held = (lease: JobLease) => and(eq(jobs.id, lease.id), eq(jobs.attempts, lease.attempts), eq(jobs.status, "running"));

/** Progress after one chunk, and a renewed lease; false when the lease was lost (the caller must roll back). */
export async function recordJobProgress(
  db: Queryable,
  lease: JobLease,
  values: { progress: number; total: number; payload: Record<string, unknown>; leaseMs: number },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      progress: values.progress,
      total: values.total,
      payload: values.payload,
      updatedAt: sql`now()`,
      lockedUntil: sql`now() + make_interval(secs => ${values.leaseMs / 1000})`,
    })
    .where(held(lease))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Ends the job (succeeded or failed); undefined when the lease was lost to another worker. */
export async function finishJob(
  db: Queryable,
  lease: JobLease,
  values: { status: "succeeded" | "failed"; error?: string | null },
): Promise<JobRow | undefined> {
  // A success covers every reading the job walked, including any that arrived after the count.
  const total = values.status === "succeeded" ? sql`${jobs.progress}` : sql`${jobs.total}`;
  const [row] = await db
    .update(jobs)
    .set({ status: values.status, error: values.error ?? null, total, lockedUntil: null, updatedAt: sql`now()`, finishedAt: sql`now()` })
    .where(held(lease))
    .returning();
  return row;
}

/** Puts the job back in the queue after a transient error, keeping the message for the UI. */
export async function requeueJob(db: Queryable, lease: JobLease, error: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: "queued", error, lockedUntil: null, updatedAt: sql`now()` })
    .where(held(lease))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Hands an interrupted job (the worker is stopping) back to the queue without spending one of its attempts. */
export async function releaseJob(db: Queryable, lease: JobLease): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "queued", attempts: sql`${jobs.attempts} - 1`, lockedUntil: null, updatedAt: sql`now()` })
    .where(held(lease));
}

// --- the readings a reprocess job walks ---

/** The run (and session) of a reprocess or CSV import, if it is in the project, with the run's status. */
export async function findRunTargetInProject(
  db: Queryable,
  { projectId, runId, captureSessionId }: { projectId: string; runId?: string; captureSessionId?: string },
): Promise<{ runId: string; captureSessionId: string | null; runStatus: string } | undefined> {
  if (captureSessionId) {
    const [row] = await db
      .select({ runId: runs.id, captureSessionId: captureSessions.id, runStatus: runs.status })
      .from(captureSessions)
      .innerJoin(runs, eq(runs.id, captureSessions.runId))
      .where(and(eq(captureSessions.id, captureSessionId), eq(captureSessions.projectId, projectId)))
      .limit(1);
    return row;
  }
  if (!runId) return undefined;
  const [row] = await db
    .select({ runId: runs.id, runStatus: runs.status })
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .limit(1);
  return row && { ...row, captureSessionId: null };
}

export interface ReadingTarget {
  sensorId: string;
  runId: string;
  captureSessionId: string | null;
}

function targetCondition(t: ReadingTarget) {
  return t.captureSessionId
    ? sql`sensor_id = ${t.sensorId} and capture_session_id = ${t.captureSessionId}`
    : sql`sensor_id = ${t.sensorId} and run_id = ${t.runId}`;
}

export async function countTargetReadings(db: Queryable, target: ReadingTarget): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from telemetry_readings where ${targetCondition(target)}`);
  return rows[0]?.n ?? 0;
}

/**
 * Takes the sensor's ingest-state row lock, which every ingest batch of the sensor holds until it commits. Holding it
 * for a whole chunk keeps the two writers' rollup refreshes from computing the same 1 s bucket from different snapshots.
 */
export async function lockSensorIngest(db: Queryable, sensorId: string): Promise<void> {
  await db.execute(sql`select 1 from sensor_ingest_state where sensor_id = ${sensorId} for update`);
}

/** ISO-8601 with microseconds in UTC: exact as a keyset cursor and as a key back into the table, unlike a JS Date. */
const ISO_MICROS = `YYYY-MM-DD"T"HH24:MI:SS.US"Z"`;

/** The next `limit` readings after `after` (exclusive) in time order, keyset on the (sensor_id, time) primary key. */
export async function selectReadingChunk(
  db: Queryable,
  target: ReadingTarget,
  after: string | null,
  limit: number,
): Promise<{ time: string; rawValue: number }[]> {
  const cursor = after === null ? sql`` : sql`and time > ${after}::timestamptz`;
  // The text column must not be called "time": ORDER BY would then sort the text instead of walking the index.
  const rows = await db.execute<{ iso: string; raw_value: number }>(sql`
    select to_char(time at time zone 'UTC', ${ISO_MICROS}) as iso, raw_value
    from telemetry_readings
    where ${targetCondition(target)} ${cursor}
    order by time
    limit ${limit}`);
  return rows.map((r) => ({ time: r.iso, rawValue: r.raw_value }));
}

/** Sets value and profile_version of the given readings of one sensor; raw_value is never touched. */
export async function updateReadingValues(
  db: Queryable,
  { sensorId, profileVersion, values }: { sensorId: string; profileVersion: number; values: { time: string; value: number }[] },
): Promise<void> {
  if (values.length === 0) return;
  await db.execute(sql`
    update telemetry_readings r set value = u.value, profile_version = ${profileVersion}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as u(time timestamptz, value double precision)
    where r.sensor_id = ${sensorId} and r.time = u.time`);
}

/** A transaction-scoped lock per sensor around "is a reprocess active? then queue one". */
export async function lockReprocessQueue(db: Queryable, sensorId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('reprocess'), hashtext(${sensorId}))`);
}
