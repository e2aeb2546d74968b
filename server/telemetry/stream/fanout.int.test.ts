// Two app processes on one database: a reading committed once reaches the SSE subscribers of both, each process
// holding exactly one LISTEN connection however many clients it serves.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { experiments, runs } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { openSse, rawValuesOf, readingsFrom, sessionCookie, startStreamServer, TEST_AUTH_SECRET, writeReadings, type SseClient } from "./test-support";

describe("two-process fan-out over LISTEN/NOTIFY", () => {
  const db = useTestDatabase();
  let child: ChildProcess;
  let childUrl = "";
  let local: Awaited<ReturnType<typeof startStreamServer>>;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
    local = await startStreamServer(db);
    child = spawn(process.execPath, ["--import", "tsx", "server/telemetry/stream/child-server.ts"], {
      env: { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: TEST_AUTH_SECRET, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
    childUrl = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/api/v1/telemetry/stream`;
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    await local?.close();
    vi.unstubAllEnvs();
  });

  it("delivers one commit to subscribers on both processes, exactly once each", async () => {
    const owner = await makeUser(db.db);
    const projectId = (await makeProject(db.db, owner)).id;
    const sensorId = (await callerFor(db.db, owner).sensor.create({ projectId, name: "Fan-out", unit: "K", rawUnit: "mV" })).sensor.id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "E" }).returning();
    const [run] = await db.db.insert(runs).values({ projectId, experimentId: exp!.id, name: "R", status: "running" }).returning();
    const cookie = await sessionCookie(db.db, owner.id);
    for (const base of [local.url, childUrl]) {
      for (const query of [`sensor_id=${sensorId}`, `sensor_id=${sensorId}`, `run_id=${run!.id}`]) {
        const client = await openSse(`${base}?${query}`, { cookie });
        expect(client.status).toBe(200);
        clients.push(client);
      }
    }
    await Promise.all(clients.map((c) => c.waitFor((x) => x.events.some((e) => e.event === "ready"), 15_000)));

    await writeReadings(db.db, { sensorId, runId: run!.id }, readingsFrom(Date.UTC(2026, 0, 1), 50));
    await Promise.all(clients.map((c) => c.waitFor((x) => rawValuesOf(x).length >= 50)));
    await new Promise((r) => setTimeout(r, 200));
    for (const c of clients) expect(rawValuesOf(c)).toEqual(Array.from({ length: 50 }, (_, i) => i));

    const listeners = await db.sql<{ n: number }[]>`
      select count(distinct pid)::int as n from pg_stat_activity
      where datname = current_database() and query ilike 'listen %'`;
    expect(listeners[0]!.n).toBe(2);
  });
});
