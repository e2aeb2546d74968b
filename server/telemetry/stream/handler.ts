// GET /api/v1/telemetry/stream: Server-Sent Events of live telemetry and status changes for runs, capture sessions or
// sensors the signed-in user may read. Subscribe to the process's hub FIRST, then replay what a resuming client missed
// from the database, then flush the rows that arrived meanwhile (the cursor drops the overlap). Without a cursor the
// stream starts live: it begins after each sensor's last committed seq and replays nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import { findStreamStart, findTargetRoles, readReplayPage } from "../../../db/queries/telemetry-stream";
import { can } from "../../../domain/access";
import { DomainError } from "../../../domain/errors";
import { sessionUserFromCookieHeader } from "../../auth/session-cookie";
import type { NodeHandler, RouteDeps } from "../../http/routes";
import { logger } from "../../logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "../../request-id";
import { sendError, sendJson } from "../http-response";
import { rowFragment, TelemetryHub } from "./hub";
import { parseStreamRequest, type StreamRequest } from "./query";
import { StreamSubscriber, type SubscriberOptions, type SubscriberTargets } from "./subscriber";

export interface StreamOptions extends SubscriberOptions {
  replayPageSize: number;
  /** Called once subscribed (before the replay) and once replayed (before going live): tests commit there to prove
   * that rows seen both by the replay and the hub arrive once, and rows arriving after the replay are not lost. */
  onPhase?: (phase: "subscribed" | "replayed") => Promise<void>;
}

export const STREAM_DEFAULTS: StreamOptions = {
  pingIntervalMs: 15_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxPendingRows: 200_000,
  replayPageSize: 2_000,
};

const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no", connection: "keep-alive" };

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function createStreamHandler(deps: RouteDeps, overrides: Partial<StreamOptions> = {}): { handle: NodeHandler; close(): Promise<void>; hub: TelemetryHub } {
  const options = { ...STREAM_DEFAULTS, ...overrides };
  const hub = new TelemetryHub(() => deps.getSql());

  /** 401 signed out, 400 bad query or cursor, 404 for any target the user may not read (or that does not exist). */
  async function authorize(req: IncomingMessage): Promise<{ request: StreamRequest; targets: SubscriberTargets }> {
    const user = await sessionUserFromCookieHeader(header(req, "cookie"), deps.getDb());
    if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to watch live telemetry.");
    const request = parseStreamRequest(new URL(req.url ?? "/", "http://localhost"), header(req, "last-event-id"));
    const { runIds, sessionIds, sensorIds } = request.targets;
    const rows = await findTargetRoles(deps.getSql(), user.id, request.targets);
    const readable = (kind: string, id: string) =>
      rows.some((r) => r.kind === kind && r.id === id && can(r.role, kind === "sensor" ? "sensors:read" : "runs:read"));
    const missing = [...runIds.filter((id) => !readable("run", id)), ...sessionIds.filter((id) => !readable("session", id)), ...sensorIds.filter((id) => !readable("sensor", id))];
    if (missing.length > 0) throw new DomainError("NOT_FOUND", "Nothing to stream: not found.", { ids: missing });
    const sessionRuns = rows.filter((r) => r.kind === "session" && r.run_id).map((r) => r.run_id!);
    return { request, targets: { ...request.targets, statusRunIds: [...new Set([...runIds, ...sessionRuns])] } };
  }

  async function replay(subscriber: StreamSubscriber, request: StreamRequest, from: Map<string, number>): Promise<void> {
    for (const [sensorId, cursorSeq] of from) {
      let afterSeq = cursorSeq;
      subscriber.cursor.set(sensorId, Math.max(subscriber.cursor.get(sensorId) ?? 0, cursorSeq));
      for (;;) {
        if (subscriber.closed) return;
        const rows = await readReplayPage(deps.getSql(), { sensorId, afterSeq, targets: request.targets, limit: options.replayPageSize });
        subscriber.deliver(rows, rows.map(rowFragment));
        if (rows.length < options.replayPageSize) break;
        afterSeq = rows[rows.length - 1]!.seq;
      }
    }
  }

  async function stream(res: ServerResponse, request: StreamRequest, targets: SubscriberTargets) {
    res.writeHead(200, SSE_HEADERS);
    res.write("retry: 2000\n\n");
    const subscriber = new StreamSubscriber(res, targets, options);
    const remove = await hub.add(subscriber);
    res.once("close", remove);
    if (subscriber.closed) return remove();
    await options.onPhase?.("subscribed");
    // Without a cursor every sensor starts live, after its last committed seq. A resuming client's cursor holds every
    // sensor it was streaming, so a sensor of the run/session it does not know joined while it was away: all of that
    // sensor's readings in the stream's targets are what it missed.
    const start = await findStreamStart(deps.getSql(), request.targets);
    const from = new Map(request.cursor ?? []);
    for (const [sensorId, seq] of start) {
      if (!request.cursor) subscriber.cursor.set(sensorId, seq);
      else if (!from.has(sensorId)) from.set(sensorId, 0);
    }
    await replay(subscriber, request, from);
    await options.onPhase?.("replayed");
    subscriber.goLive();
  }

  const handle: NodeHandler = async (req, res) => {
    const requestId = resolveRequestId(header(req, REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (req.method !== "GET") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use GET.", requestId } }, { allow: "GET" });
    try {
      const { request, targets } = await authorize(req);
      await stream(res, request, targets);
    } catch (error) {
      if (!res.headersSent) return sendError(res, error, requestId);
      logger.warn({ err: error, requestId }, "telemetry stream failed after it opened; the client resumes from its cursor");
      res.destroy();
    }
  };

  return { handle, close: () => hub.close(), hub };
}
