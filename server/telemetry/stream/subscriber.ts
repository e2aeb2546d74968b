// One SSE client: its targets, its cursor (last delivered seq per sensor), and the socket. Rows arriving while the
// stream replays from the database are buffered and flushed afterwards; the cursor drops whatever was already sent, so
// the overlap between replay and live rows yields neither gaps nor duplicates. A client that reads too slowly is
// dropped rather than buffered without limit: it reconnects and resumes from its cursor.
import type { ServerResponse } from "node:http";
import type { StreamRow, StreamTargets } from "../../../db/queries/telemetry-stream";
import type { StatusNotice, TelemetryNotice } from "../../../db/queries/telemetry-notify";
import { encodeCursor } from "../../../domain/telemetry/cursor";
import type { HubSubscriber } from "./hub";

export interface SubscriberOptions {
  pingIntervalMs: number;
  /** Bytes queued in the socket beyond which the client counts as too slow and is dropped. */
  maxBufferedBytes: number;
  /** Rows held while replaying; beyond this the client is dropped and resumes later. */
  maxPendingRows: number;
}

export interface SubscriberTargets extends StreamTargets {
  /** The runs whose status changes this stream reports: its runs and the runs of its sessions. */
  statusRunIds: readonly string[];
}

export const PING = ": ping\n\n";

export class StreamSubscriber implements HubSubscriber {
  readonly cursor = new Map<string, number>();
  private readonly runs: Set<string>;
  private readonly sessions: Set<string>;
  private readonly sensors: Set<string>;
  private readonly statusRuns: Set<string>;
  private pending: { rows: readonly StreamRow[]; fragments: readonly string[] }[] | null = [];
  private pendingRows = 0;
  private readonly ping: NodeJS.Timeout;
  closed = false;

  constructor(
    private readonly res: ServerResponse,
    targets: SubscriberTargets,
    private readonly options: SubscriberOptions,
  ) {
    this.runs = new Set(targets.runIds);
    this.sessions = new Set(targets.sessionIds);
    this.sensors = new Set(targets.sensorIds);
    this.statusRuns = new Set(targets.statusRunIds);
    this.ping = setInterval(() => this.write(PING), options.pingIntervalMs);
    this.ping.unref();
    res.once("close", () => this.dispose());
  }

  wantsNotice(n: TelemetryNotice): boolean {
    return this.sensors.has(n.sensorId) || (n.runId !== null && this.runs.has(n.runId)) || (n.captureSessionId !== null && this.sessions.has(n.captureSessionId));
  }

  private wantsRow(r: StreamRow): boolean {
    return this.sensors.has(r.sensorId) || (r.runId !== null && this.runs.has(r.runId)) || (r.captureSessionId !== null && this.sessions.has(r.captureSessionId));
  }

  receive(rows: readonly StreamRow[], fragments: readonly string[]): void {
    if (this.closed) return;
    if (!this.pending) return this.deliver(rows, fragments);
    this.pending.push({ rows, fragments });
    this.pendingRows += rows.length;
    if (this.pendingRows > this.options.maxPendingRows) this.end("too many rows while replaying");
  }

  receiveStatus(n: StatusNotice): void {
    const mine = this.statusRuns.has(n.runId) || (n.kind === "capture_session" && this.sessions.has(n.id));
    if (!mine) return;
    this.write(`event: status\ndata: ${JSON.stringify({ kind: n.kind, id: n.id, run_id: n.runId, status: n.status })}\n\n`);
  }

  /** Sends rows (seq-ordered per sensor) that this stream wants and has not sent yet, one event per sensor. */
  deliver(rows: readonly StreamRow[], fragments: readonly string[]): void {
    let sensorId: string | null = null;
    let parts: string[] = [];
    const flush = () => {
      if (sensorId && parts.length > 0) this.sendTelemetry(sensorId, parts);
      parts = [];
    };
    rows.forEach((row, i) => {
      if (row.sensorId !== sensorId) {
        flush();
        sensorId = row.sensorId;
      }
      if (!this.wantsRow(row) || row.seq <= (this.cursor.get(row.sensorId) ?? 0)) return;
      this.cursor.set(row.sensorId, row.seq);
      parts.push(fragments[i]!);
    });
    flush();
  }

  private sendTelemetry(sensorId: string, parts: string[]): void {
    this.write(`event: telemetry\nid: ${encodeCursor(this.cursor)}\ndata: {"sensor_id":"${sensorId}","readings":[${parts.join(",")}]}\n\n`);
  }

  /** Ends the replay: tells the client where it stands, then flushes what arrived meanwhile. */
  goLive(): void {
    const pending = this.pending ?? [];
    this.pending = null;
    this.write(`event: ready\nid: ${encodeCursor(this.cursor)}\ndata: {"cursor":"${encodeCursor(this.cursor)}"}\n\n`);
    for (const p of pending) this.deliver(p.rows, p.fragments);
  }

  write(text: string): void {
    if (this.closed) return;
    this.res.write(text);
    if (this.res.writableLength > this.options.maxBufferedBytes) this.end("client too slow");
  }

  /** Ends the stream; a client that is too slow is cut off without flushing what it has not read. */
  end(reason: string): void {
    if (this.closed) return;
    this.dispose();
    if (reason === "client too slow") this.res.destroy();
    else this.res.end();
  }

  private dispose(): void {
    this.closed = true;
    this.pending = null;
    clearInterval(this.ping);
  }
}
