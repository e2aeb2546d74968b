// The Timescale path, on in-process PGlite + TimescaleDB: the migration's hypertable, compression and continuous
// aggregate; ingest-shaped inserts, rollups and aggregate refresh; and chart reads that match plain PostgreSQL exactly.
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downsample, type DownsampledSeries } from "../../server/services/telemetry/downsample";
import { useTestDatabase } from "../../test/db";
import { createTimescalePglite, type PgliteDb } from "../../test/pglite";
import { insertProject, insertReadings, insertRun, insertSensor, waveReadings } from "../../test/telemetry-read-fixture";
import { refreshRollups } from "./telemetry-rollup";
import { detectTimescale, sqlRunner, type ReadScope, type SqlRunner } from "./telemetry-read";

const MINUTE = 60_000;
const START = Math.floor((Date.now() - 3 * 3600_000) / MINUTE) * MINUTE;
const DENSE = 20_000; // every 100 ms: 2,000 s
const SPIKE = 12_345;

interface Seeded {
  runId: string;
  sessionIds: string[];
  dense: string;
  sparse: string;
}

type Engine = SqlRunner & { execute(query: SQL): PromiseLike<unknown> };

async function seed(runner: Engine): Promise<Seeded> {
  const projectId = await insertProject(runner);
  const { runId, sessionIds } = await insertRun(runner, projectId, {
    startedMs: START,
    sessions: [
      { startMs: START, endMs: START + 1000_000 },
      { startMs: START + 1000_000, endMs: START + 2000_000 },
    ],
  });
  const dense = await insertSensor(runner, projectId, "dense", "°C", runId);
  const sparse = await insertSensor(runner, projectId, "sparse", "bar", runId);
  const wave = waveReadings(START, DENSE, 100, SPIKE);
  for (const [i, sessionId] of sessionIds.entries()) {
    const half = wave.slice(i * (DENSE / 2), (i + 1) * (DENSE / 2));
    for (let k = 0; k < half.length; k += 5000) await insertReadings(runner, { sensorId: dense, runId, sessionId, readings: half.slice(k, k + 5000) });
  }
  await insertReadings(runner, { sensorId: sparse, runId, sessionId: sessionIds[0]!, readings: waveReadings(START, 50, 7_000) });
  await refreshRollups(runner, dense, new Date(START), new Date(START + DENSE * 100));
  await refreshRollups(runner, sparse, new Date(START), new Date(START + 50 * 7_000));
  return { runId, sessionIds, dense, sparse };
}

function expectSameSeries(actual: DownsampledSeries[], expected: DownsampledSeries[]) {
  expect(actual.map((s) => s.points.length)).toEqual(expected.map((s) => s.points.length));
  for (const [i, series] of actual.entries()) {
    const other = expected[i]!;
    expect(series.bucketMs).toBe(other.bucketMs);
    expect(series.points.map(({ t, min, max, count }) => ({ t, min, max, count }))).toEqual(
      other.points.map(({ t, min, max, count }) => ({ t, min, max, count })),
    );
    series.points.forEach((p, k) => expect(p.avg).toBeCloseTo(other.points[k]!.avg, 9));
  }
}

describe("telemetry on TimescaleDB (PGlite)", () => {
  const pgDb = useTestDatabase();
  let lite: PgliteDb;
  let pg: Engine;
  let onLite: Seeded;
  let onPg: Seeded;

  beforeAll(async () => {
    lite = await createTimescalePglite();
    pg = { rows: sqlRunner(pgDb.db).rows, execute: (q) => pgDb.db.execute(q) };
    onLite = await seed(lite);
    onPg = await seed(pg);
    await lite.pg.exec("CALL refresh_continuous_aggregate('telemetry_readings_1m', NULL, NULL)");
  }, 120_000);
  afterAll(async () => lite?.close());

  const read = (runner: SqlRunner, seeded: Seeded, q: { fromMs?: number; toMs?: number; buckets: number; scope?: ReadScope }) =>
    downsample(runner, {
      sensorIds: [seeded.dense, seeded.sparse],
      scope: q.scope ?? { kind: "run", id: seeded.runId },
      fromMs: q.fromMs ?? START,
      toMs: q.toMs ?? START + DENSE * 100,
      buckets: q.buckets,
    });

  it("makes telemetry_readings a hypertable with sensor-segmented compression after 7 days and a 1-minute aggregate", async () => {
    const [hypertable] = await lite.rows<{ compression_enabled: boolean }>(sql`
      select compression_enabled from timescaledb_information.hypertables where hypertable_name = 'telemetry_readings'`);
    expect(hypertable?.compression_enabled).toBe(true);
    const segments = await lite.rows<{ attname: string }>(sql`
      select attname from timescaledb_information.compression_settings where hypertable_name = 'telemetry_readings' and segmentby_column_index is not null`);
    expect(segments.map((s) => s.attname)).toEqual(["sensor_id"]);
    const [policy] = await lite.rows<{ after: string }>(sql`
      select config->>'compress_after' as after from timescaledb_information.jobs where proc_name = 'policy_compression' and hypertable_name = 'telemetry_readings'`);
    expect(policy?.after).toBe("7 days");
    const [dimension] = await lite.rows<{ interval: string }>(sql`
      select time_interval::text as interval from timescaledb_information.dimensions where hypertable_name = 'telemetry_readings'`);
    expect(dimension?.interval).toBe("1 day");
    expect(await detectTimescale(lite)).toMatchObject({ aggregateHypertableId: expect.any(Number) });
    expect(await detectTimescale(pg)).toBeNull();
  });

  it("materializes min/max/avg/count per sensor and minute in the continuous aggregate", async () => {
    const [row] = await lite.rows<{ n: number; total: number; max: number }>(sql`
      select count(*)::int as n, sum(count)::int as total, max(max_value)::float8 as max from telemetry_readings_1m
      where sensor_id = ${onLite.dense}::uuid`);
    expect(row).toEqual({ n: Math.ceil((DENSE * 100) / MINUTE) + (START % MINUTE ? 1 : 0), total: DENSE, max: expect.any(Number) });
    expect(row!.max).toBeGreaterThan(2000);
  });

  it("reads the whole run from the aggregate with the same envelope as plain PostgreSQL's rollups, spike included", async () => {
    const lt = await read(lite, onLite, { buckets: 20 });
    const plain = await read(pg, onPg, { buckets: 20 });
    expect(lt[0]!.source).toBe("aggregate");
    expect(plain[0]!.source).toBe("rollup");
    expectSameSeries(lt, plain);
    expect(Math.max(...lt[0]!.points.map((p) => p.max))).toBeGreaterThan(2000);
    expect(lt[0]!.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE);
    expect(lt[1]!.points.reduce((n, p) => n + p.count, 0)).toBe(50);
    const sparse = await read(lite, onLite, { buckets: 50 });
    expect(sparse[1]!.source).toBe("points");
    expect(sparse[1]!.points).toEqual((await read(pg, onPg, { buckets: 50 }))[1]!.points);
    expectSameSeries(lt, await downsample(lite, { ...base(onLite, 20), ignoreTimescale: true }));
  });

  function base(seeded: Seeded, buckets: number) {
    return { sensorIds: [seeded.dense, seeded.sparse], scope: { kind: "run", id: seeded.runId } as ReadScope, fromMs: START, toMs: START + DENSE * 100, buckets };
  }

  it("matches plain PostgreSQL on 1-second rollups (time_bucket vs date_bin) and on raw buckets for a zoom", async () => {
    const rollup = await read(lite, onLite, { buckets: 1000 });
    expect(rollup[0]!.source).toBe("rollup");
    expectSameSeries(rollup, await read(pg, onPg, { buckets: 1000 }));
    const zoom = { fromMs: START + SPIKE * 100 - 5_000, toMs: START + SPIKE * 100 + 5_000, buckets: 40 };
    const raw = await read(lite, onLite, zoom);
    expect(raw[0]!.source).toBe("raw");
    expect(raw[0]!.bucketMs).toBe(250);
    expectSameSeries(raw, await read(pg, onPg, zoom));
    expect(Math.max(...raw[0]!.points.map((p) => p.max))).toBeGreaterThan(2000);
  });

  it("falls back from raw sub-second buckets to 1-second rollups when the range holds too many raw rows, on both engines", async () => {
    const zoom = { ...base(onLite, 2000), fromMs: START + 100_000, toMs: START + 600_000, rawRowBudget: 1000 };
    const lt = await downsample(lite, zoom);
    expect(lt[0]).toMatchObject({ source: "rollup", bucketMs: 1000 });
    expect(lt[0]!.points).toHaveLength(500);
    expectSameSeries(lt, await downsample(pg, { ...zoom, sensorIds: [onPg.dense, onPg.sparse], scope: { kind: "run", id: onPg.runId } }));
    expect((await downsample(lite, { ...zoom, rawRowBudget: undefined }))[0]).toMatchObject({ source: "raw", bucketMs: 250 });
  });

  it("scopes raw reads to one capture session", async () => {
    const session = { kind: "session", id: onLite.sessionIds[1]! } as const;
    const points = await read(lite, onLite, { scope: session, buckets: 5000, fromMs: START, toMs: START + 2000_000 });
    expect(points[0]!.source).toBe("raw");
    expect(points[0]!.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE / 2);
    expect(points[0]!.points[0]!.t).toBeGreaterThanOrEqual(START + 1000_000);
    expect(points[1]!.points).toEqual([]);
  });

  it("reads a run whose sensor also sent readings outside its session from the clipped rollups, not the aggregate, on both engines", async () => {
    const at = START - 2 * 3600_000;
    const counts: number[] = [];
    const results: DownsampledSeries[][] = [];
    for (const runner of [lite, pg] as Engine[]) {
      const projectId = await insertProject(runner, "Clipped");
      const run = await insertRun(runner, projectId, { startedMs: at, finishedMs: at + 20 * MINUTE, sessions: [{ startMs: at, endMs: at + 10 * MINUTE }] });
      const sensor = await insertSensor(runner, projectId, "streams-on", "°C", run.runId);
      const readings = waveReadings(at, 1200, 1000);
      await insertReadings(runner, { sensorId: sensor, runId: run.runId, sessionId: run.sessionIds[0]!, readings: readings.slice(0, 600) });
      await insertReadings(runner, { sensorId: sensor, runId: null, sessionId: null, readings: readings.slice(600) });
      await refreshRollups(runner, sensor, new Date(at), new Date(at + 20 * MINUTE));
      if (runner === lite) await lite.pg.exec("CALL refresh_continuous_aggregate('telemetry_readings_1m', NULL, NULL)");
      const read = await downsample(runner, { sensorIds: [sensor], scope: { kind: "run", id: run.runId }, fromMs: at, toMs: at + 20 * MINUTE, buckets: 10 });
      results.push(read);
      counts.push(read[0]!.points.reduce((n, p) => n + p.count, 0));
      expect(read[0]).toMatchObject({ source: "rollup", bucketMs: 2 * MINUTE });
    }
    expect(counts).toEqual([600, 600]);
    expectSameSeries(results[0]!, results[1]!);
  });

  it("accepts late data into the open recent chunk, and new readings past the aggregate's watermark show without a refresh", async () => {
    const chunks = await lite.rows<{ compressed: boolean }>(sql`
      select is_compressed as compressed from timescaledb_information.chunks where hypertable_name = 'telemetry_readings'`);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => !c.compressed)).toBe(true);
    const lateAt = START + DENSE * 100 + 30 * MINUTE;
    for (const [runner, seeded] of [[lite, onLite], [pg, onPg]] as [Engine, Seeded][]) {
      const late = waveReadings(lateAt, 600, 1000);
      expect(await insertReadings(runner, { sensorId: seeded.dense, runId: seeded.runId, sessionId: seeded.sessionIds[1]!, readings: late, late: true })).toBe(600);
      expect(await insertReadings(runner, { sensorId: seeded.dense, runId: seeded.runId, sessionId: seeded.sessionIds[1]!, readings: late.slice(0, 10) })).toBe(0);
      await refreshRollups(runner, seeded.dense, new Date(lateAt), new Date(lateAt + 600_000));
    }
    const span = { buckets: 30, toMs: lateAt + 600_000 };
    const lt = await read(lite, onLite, span);
    expect(lt[0]!.source).toBe("aggregate");
    expect(lt[0]!.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE + 600);
    expectSameSeries(lt, await read(pg, onPg, span));
    const [late] = await lite.rows<{ n: number }>(sql`select count(*)::int as n from telemetry_readings where late and sensor_id = ${onLite.dense}::uuid`);
    expect(late?.n).toBe(600);
  });
});
