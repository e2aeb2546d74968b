// Test and benchmark support for the live stream: a reading writer with the ingest path's seq semantics (bump
// sensor_ingest_state.last_seq under its row lock, insert rows with those seqs, notifyTelemetry, all in one transaction),
// a stream server on an ephemeral port, a session cookie, and a small SSE client that parses events as a browser would.
import http from "node:http";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Db, DbHandle } from "../../../db/client";
import { notifyTelemetry } from "../../../db/queries/telemetry-notify";
import { findUserById } from "../../../db/queries/users";
import { createStreamHandler, type StreamOptions } from "./handler";

export interface TestReading {
  /** A Date, or an ISO string when the test needs microseconds. */
  time: Date | string;
  rawValue: number;
  value: number;
}

export interface WriteTarget {
  sensorId: string;
  runId?: string | null;
  captureSessionId?: string | null;
}

/** Commits readings the way ingest does and returns the seq range they got. */
export async function writeReadings(db: Db, target: WriteTarget, readings: TestReading[]): Promise<{ fromSeq: number; toSeq: number }> {
  const runId = target.runId ?? null;
  const captureSessionId = target.captureSessionId ?? null;
  return db.transaction(async (tx) => {
    const [state] = (await tx.execute(sql`
      insert into sensor_ingest_state (sensor_id, last_seq) values (${target.sensorId}, ${readings.length})
      on conflict (sensor_id) do update set last_seq = sensor_ingest_state.last_seq + excluded.last_seq
      returning last_seq::text as last_seq`)) as unknown as { last_seq: string }[];
    const toSeq = Number(state!.last_seq);
    const fromSeq = toSeq - readings.length + 1;
    await tx.execute(sql`
      insert into telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, run_id, capture_session_id)
      select ${target.sensorId}::uuid, t, t, s, r, v, ${runId}::uuid, ${captureSessionId}::uuid
      from unnest(${`{${readings.map((r) => (typeof r.time === "string" ? r.time : r.time.toISOString())).join(",")}}`}::timestamptz[],
                  ${`{${readings.map((_, i) => fromSeq + i).join(",")}}`}::bigint[],
                  ${`{${readings.map((r) => r.rawValue).join(",")}}`}::float8[],
                  ${`{${readings.map((r) => r.value).join(",")}}`}::float8[]) as u(t, s, r, v)`);
    await notifyTelemetry(tx, { sensorId: target.sensorId, fromSeq, toSeq, runId, captureSessionId });
    return { fromSeq, toSeq };
  });
}

/** `count` readings one millisecond apart from `start`, raw i and physical 2i + 1. */
export function readingsFrom(start: number, count: number, first = 0): TestReading[] {
  return Array.from({ length: count }, (_, i) => ({ time: new Date(start + first + i), rawValue: first + i, value: 2 * (first + i) + 1 }));
}

export async function startStreamServer(handle: DbHandle, options: Partial<StreamOptions> = {}) {
  const stream = createStreamHandler({ getDb: () => handle.db, getSql: () => handle.sql }, options);
  const server = http.createServer((req, res) => void stream.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}/api/v1/telemetry/stream`,
    stream,
    close: async () => {
      await stream.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const TEST_AUTH_SECRET = "stream-test-secret-0123456789abcdef0123";
const COOKIE = "authjs.session-token";

export async function sessionCookie(db: Db, userId: string, secret = TEST_AUTH_SECRET): Promise<string> {
  const user = await findUserById(db, userId);
  const token = await encode({ token: { uid: userId, sv: user?.sessionVersion }, secret, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, for answers that are not a stream. */
  body: () => Promise<string>;
  events: SseEvent[];
  comments: string[];
  /** The id of the last event that carried one: what a browser would send as Last-Event-ID. */
  lastEventId: string | undefined;
  ended: Promise<void>;
  waitFor(predicate: (client: SseClient) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
  /** Stops reading from the socket, like a client on a slow link. */
  pause(): void;
  resume(): void;
}

/** Opens a stream with node:http (no EventSource polyfill) and parses SSE frames as they arrive. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      res.setEncoding("utf8");
      let buffer = "";
      let text = "";
      let onEnd: () => void = () => {};
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: () => client.ended.then(() => text),
        events: [],
        comments: [],
        lastEventId: undefined,
        ended: new Promise<void>((done) => (onEnd = done)),
        async waitFor(predicate, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          while (!predicate(client)) {
            if (Date.now() > deadline) throw new Error(`SSE wait timed out; ${client.events.length} events so far`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        close: () => req.destroy(),
        pause: () => void res.pause(),
        resume: () => void res.resume(),
      };
      res.on("data", (chunk: string) => {
        text += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          parseFrame(client, buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on("end", onEnd);
      res.on("close", onEnd);
      res.on("error", onEnd);
      resolve(client);
    });
    req.on("error", reject);
  });
}

function parseFrame(client: SseClient, frame: string): void {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split("\n")) {
    if (line.startsWith(":")) client.comments.push(line.slice(1).trim());
    else if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("id: ")) id = line.slice(4);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  if (id !== undefined) client.lastEventId = id;
  if (data.length > 0) client.events.push({ event, id, data: data.join("\n") });
}

export interface TelemetryData {
  sensor_id: string;
  readings: { timestamp: string; raw_value: number; value: number }[];
}

export const telemetryOf = (client: SseClient): TelemetryData[] =>
  client.events.filter((e) => e.event === "telemetry").map((e) => JSON.parse(e.data) as TelemetryData);

export const rawValuesOf = (client: SseClient, sensorId?: string): number[] =>
  telemetryOf(client)
    .filter((t) => !sensorId || t.sensor_id === sensorId)
    .flatMap((t) => t.readings.map((r) => r.raw_value));
