// One per app process: LISTENs once on the telemetry and status channels (postgres.js keeps one dedicated listen
// connection per sql instance), reads each notified seq range from the database ONCE, and fans the rows out to every
// matching SSE subscriber. Notices are handled one drain at a time, so rows of one sensor reach subscribers in seq order.
import type postgres from "postgres";
import { readSeqRange, type StreamRow } from "../../../db/queries/telemetry-stream";
import { STATUS_CHANNEL, TELEMETRY_CHANNEL, type StatusNotice, type TelemetryNotice } from "../../../db/queries/telemetry-notify";
import { logger } from "../../logger";

export interface HubSubscriber {
  wantsNotice(notice: TelemetryNotice): boolean;
  /** Rows of one drain, in seq order per sensor, with each row's JSON (`fragments[i]` belongs to `rows[i]`). */
  receive(rows: readonly StreamRow[], fragments: readonly string[]): void;
  receiveStatus(notice: StatusNotice): void;
  /** Ends the client's stream; it reconnects and resumes from its cursor. */
  end(reason: string): void;
}

export const rowFragment = (r: StreamRow) => JSON.stringify({ timestamp: r.timestamp, raw_value: r.rawValue, value: r.value });

function parse<T>(payload: string): T | null {
  try {
    return JSON.parse(payload) as T;
  } catch {
    return null;
  }
}

export class TelemetryHub {
  private readonly subscribers = new Set<HubSubscriber>();
  private pending: TelemetryNotice[] = [];
  private draining = false;
  private listening: Promise<void> | null = null;
  private readonly unlisteners: (() => Promise<void>)[] = [];
  private closed = false;

  constructor(private readonly sql: () => postgres.Sql) {}

  /** Registers a subscriber once the LISTEN is in place, so every commit after this call reaches it. */
  async add(subscriber: HubSubscriber): Promise<() => void> {
    this.listening ??= this.listen();
    await this.listening;
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.subscribers) s.end("server closing");
    this.subscribers.clear();
    await Promise.allSettled(this.unlisteners.map((unlisten) => unlisten()));
  }

  private async listen(): Promise<void> {
    const sql = this.sql();
    const onTelemetry = (payload: string) => {
      const notice = parse<TelemetryNotice>(payload);
      if (!notice || this.closed) return;
      this.pending.push(notice);
      void this.drain();
    };
    const onStatus = (payload: string) => {
      const notice = parse<StatusNotice>(payload);
      if (!notice || this.closed) return;
      for (const s of this.subscribers) s.receiveStatus(notice);
    };
    const results = await Promise.all([
      sql.listen(TELEMETRY_CHANNEL, onTelemetry, this.onListen(TELEMETRY_CHANNEL)),
      sql.listen(STATUS_CHANNEL, onStatus, this.onListen(STATUS_CHANNEL)),
    ]);
    for (const r of results) this.unlisteners.push(() => r.unlisten());
  }

  /** postgres.js re-LISTENs after a lost connection; notices sent meanwhile are gone, so every client resumes from its cursor. */
  private onListen(channel: string) {
    let first = true;
    return () => {
      if (first) return void (first = false);
      logger.warn({ channel }, "telemetry LISTEN reconnected; ending streams so clients resume");
      for (const s of this.subscribers) s.end("listen reconnected");
    };
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await this.fanOut(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async fanOut(notices: TelemetryNotice[]): Promise<void> {
    const ranges = new Map<string, { from: number; to: number }>();
    for (const n of notices) {
      if (![...this.subscribers].some((s) => s.wantsNotice(n))) continue;
      const range = ranges.get(n.sensorId);
      ranges.set(n.sensorId, range ? { from: Math.min(range.from, n.fromSeq), to: Math.max(range.to, n.toSeq) } : { from: n.fromSeq, to: n.toSeq });
    }
    for (const [sensorId, { from, to }] of ranges) {
      try {
        const rows = await readSeqRange(this.sql(), sensorId, from, to);
        const fragments = rows.map(rowFragment);
        for (const s of this.subscribers) s.receive(rows, fragments);
      } catch (error) {
        // A range we could not read would be a silent gap: end the streams so they resume from the database.
        logger.error({ err: error, sensorId, from, to }, "telemetry fan-out read failed");
        for (const s of this.subscribers) s.end("fan-out read failed");
      }
    }
  }
}
