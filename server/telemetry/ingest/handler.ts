// POST /api/v1/telemetry on plain node:http: bearer token → rate limit → body within limits → schema → pipeline.
// No cookies are read here, so the CSRF gate of cookie-authenticated routes does not apply; the token is taken from
// the Authorization header only, never from the URL, and is never logged.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ingestBody } from "../../../contracts/telemetry";
import { findActiveCredentialByHash } from "../../../db/queries/sensors";
import { DomainError } from "../../../domain/errors";
import { hashSensorToken, looksLikeSensorToken } from "../../../domain/sensor/token";
import type { NodeHandler, RouteDeps } from "../../http/routes";
import { logger } from "../../logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "../../request-id";
import { createCredentialCache, type CachedCredential, type CredentialCache } from "../credential-cache";
import { sendError, sendJson } from "../http-response";
import { assertJsonRequest, parseJson, readJsonBody } from "./body";
import { ingestLimitsFromEnv, type IngestLimits } from "./limits";
import { ingestBatch } from "./pipeline";
import { createIngestRateLimiter } from "./rate-limit";

export type IngestHandler = NodeHandler & { close(): Promise<void> };

const unauthenticated = () =>
  new DomainError("UNAUTHENTICATED", "A valid sensor token is required: send Authorization: Bearer <token>.");

function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match && looksLikeSensorToken(match[1]!) ? match[1]! : null;
}

async function authenticate(req: IncomingMessage, cache: CredentialCache, ready: Promise<void>): Promise<CachedCredential> {
  const token = bearerToken(req);
  if (!token) throw unauthenticated();
  await ready;
  const credential = await cache.resolve(hashSensorToken(token));
  if (!credential) throw unauthenticated();
  return credential;
}

export function createIngestHandler(deps: RouteDeps, limits: IngestLimits = ingestLimitsFromEnv()): IngestHandler {
  const cache = createCredentialCache({ lookup: (hash, now) => findActiveCredentialByHash(deps.getDb(), hash, now) });
  let listening: Promise<void> | null = null;
  // Lazily, so building the route table never needs a database; the first request waits until revocations are heard.
  const ready = () =>
    (listening ??= cache.listen(deps.getSql()).catch((error: unknown) => {
      listening = null;
      logger.error({ err: error }, "ingest: LISTEN for credential changes failed");
      throw error;
    }));
  const rateLimit = createIngestRateLimiter(limits);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER] as string | undefined);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    try {
      if (req.method !== "POST") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use POST.", requestId } }, { allow: "POST" });
      const credential = await authenticate(req, cache, ready());
      await rateLimit(credential.credentialId);
      assertJsonRequest(req);
      const body = ingestBody.parse(parseJson(await readJsonBody(req, limits)));
      const receipt = await ingestBatch(deps.getDb(), {
        sensorId: credential.sensorId,
        target: { runId: body.run_id ?? undefined, captureSessionId: body.capture_session_id ?? undefined },
        sentAt: body.sent_at,
        readings: body.readings,
        idempotencyKey: idempotencyKeyOf(req),
        source: "api",
      });
      sendJson(res, 202, receipt);
    } catch (error) {
      if (!req.complete) res.setHeader("connection", "close");
      sendError(res, error, requestId);
      req.resume();
    }
  };
  return Object.assign(handle, { close: () => cache.close() });
}

function idempotencyKeyOf(req: IncomingMessage): string | null {
  const key = req.headers["idempotency-key"];
  if (key === undefined) return null;
  if (typeof key !== "string" || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
    throw new DomainError("BAD_INPUT", "Idempotency-Key must be 8–128 letters, digits, '.', '_', ':' or '-'.", {
      fieldErrors: { "Idempotency-Key": ["Use 8–128 letters, digits, '.', '_', ':' or '-'"] },
    });
  }
  return key;
}
