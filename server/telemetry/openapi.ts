// The OpenAPI 3.1 description of the public /api/v1 routes that sensor firmware and scripts are written against,
// served at GET /api/v1/openapi.json. docs/api.md explains the same contract in prose; keep the two in step.
import { MAX_READINGS_PER_BATCH } from "../../contracts/telemetry";
import { READING_REJECTION_CODES } from "../../domain/telemetry/readings";
import { SIGNATURE_HEADER } from "../../domain/webhook/signature";
import type { NodeHandler } from "../http/routes";
import { ingestLimitsFromEnv } from "./ingest/limits";
import { sendJson } from "./http-response";

const error = (description: string, example: Record<string, unknown>) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example: { error: example } } },
});

export function openApiDocument() {
  const limits = ingestLimitsFromEnv();
  return {
    openapi: "3.1.0",
    info: {
      title: "Experiment Tracking Platform — telemetry API",
      version: "1",
      description:
        "Sensors POST telemetry with their ingest token; browsers stream it live over SSE with their session cookie. " +
        "Every response carries x-request-id. Projects' webhooks POST signed events to receivers (see `webhooks`). " +
        "Prose reference: docs/api.md.",
    },
    components: {
      securitySchemes: {
        sensorToken: { type: "http", scheme: "bearer", description: "The sensor's ingest token (etp_…). Never put it in the URL." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "__Secure-authjs.session-token over https." },
      },
      schemas: {
        WebhookEvent: {
          type: "object",
          required: ["id", "type", "occurredAt", "projectId", "entity", "actor", "before", "after", "requestId"],
          properties: {
            id: { type: "string", examples: ["evt_1234"], description: "Unique per event; grows with time." },
            type: { type: "string", examples: ["run.status_changed"], description: "The audit action." },
            occurredAt: { type: "string", format: "date-time" },
            projectId: { type: "string", format: "uuid" },
            entity: { type: "object", required: ["type", "id"], properties: { type: { type: "string" }, id: { type: "string" } } },
            actor: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, email: { type: ["string", "null"] } } },
            before: { description: "The entity before the change, as the audit trail holds it (null for a creation)." },
            after: { description: "The entity after the change (null for a deletion)." },
            requestId: { type: ["string", "null"] },
          },
        },
        Timestamp: {
          oneOf: [
            { type: "string", format: "date-time", description: "ISO-8601 with a zone" },
            { type: "number", description: "epoch milliseconds" },
          ],
        },
        Reading: {
          type: "object",
          required: ["timestamp", "raw_value"],
          properties: {
            timestamp: { $ref: "#/components/schemas/Timestamp" },
            raw_value: { type: "number", description: "In the sensor's raw unit; converted with its active profile version." },
            meta: { type: "object", additionalProperties: true },
          },
        },
        IngestBody: {
          type: "object",
          required: ["readings"],
          properties: {
            run_id: { type: "string", format: "uuid" },
            capture_session_id: { type: "string", format: "uuid" },
            sent_at: { $ref: "#/components/schemas/Timestamp", description: "The device clock when the batch was sent: feeds the clock-offset estimate." },
            readings: { type: "array", minItems: 1, maxItems: MAX_READINGS_PER_BATCH, items: { $ref: "#/components/schemas/Reading" } },
          },
        },
        Rejection: {
          type: "object",
          required: ["index", "code", "message"],
          properties: {
            index: { type: "integer", description: "Position in readings[]" },
            code: { type: "string", enum: [...READING_REJECTION_CODES] },
            message: { type: "string" },
          },
        },
        Receipt: {
          type: "object",
          required: ["accepted", "duplicates", "rejected", "capture_session_id", "run_id"],
          properties: {
            accepted: { type: "integer" },
            duplicates: { type: "integer", description: "Readings whose (sensor, time) was already stored: a retried batch is a no-op." },
            rejected: { type: "array", items: { $ref: "#/components/schemas/Rejection" } },
            capture_session_id: { type: ["string", "null"], format: "uuid" },
            run_id: { type: ["string", "null"], format: "uuid" },
          },
        },
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "requestId"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "object" }, requestId: { type: "string" } },
            },
          },
        },
      },
    },
    webhooks: {
      projectEvent: {
        post: {
          summary: "A change in a project, sent to each subscribed webhook endpoint",
          description:
            "Sent once per change that committed; retried after 10 s, 1 min, 5 min, 30 min, 2 h, 6 h and 12 h until a 2xx. " +
            "Verify the signature on the raw body, and deduplicate on `id`.",
          parameters: [
            { name: "X-Etp-Event", in: "header", required: true, schema: { type: "string" }, description: "The event's type, e.g. run.status_changed." },
            { name: "X-Etp-Delivery", in: "header", required: true, schema: { type: "string" }, description: "The delivery's id; the same on a retry." },
            {
              name: SIGNATURE_HEADER,
              in: "header",
              required: true,
              schema: { type: "string", pattern: "^t=\\d+,v1=[0-9a-f]{64}$" },
              description: "t=<unix seconds>,v1=<hex HMAC-SHA256 of `<t>.<raw body>` keyed with the endpoint's secret>.",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookEvent" } } } },
          responses: { "2XX": { description: "Delivered. Anything else, a redirect or no answer within the timeout is retried." } },
        },
      },
    },
    paths: {
      "/api/v1/telemetry": {
        post: {
          summary: "Ingest a batch of readings",
          security: [{ sensorToken: [] }],
          parameters: [
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 }, description: "The same key from the same sensor returns the first receipt and writes nothing." },
            { name: "Content-Encoding", in: "header", required: false, schema: { type: "string", enum: ["gzip"] } },
          ],
          requestBody: {
            required: true,
            description: `At most ${limits.maxBodyBytes} bytes on the wire and ${limits.maxDecompressedBytes} bytes after gunzip.`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/IngestBody" } } },
          },
          responses: {
            "202": { description: "Stored (some readings may be rejected; see the receipt)", content: { "application/json": { schema: { $ref: "#/components/schemas/Receipt" } } } },
            "400": error("Malformed JSON, or the body does not match the schema (details.fieldErrors names the path)", { code: "BAD_INPUT", message: "The body does not match the schema.", details: { fieldErrors: { readings: ["Send at least one reading"] } }, requestId: "…" }),
            "401": error("Missing, unknown, revoked or expired token (never says which)", { code: "UNAUTHENTICATED", message: "…", requestId: "…" }),
            "404": error("run_id / capture_session_id unknown or not in a project of this sensor", { code: "NOT_FOUND", message: "…", requestId: "…" }),
            "409": error("The run is archived", { code: "run_archived", message: "…", requestId: "…" }),
            "413": error("Body over the limit", { code: "PAYLOAD_TOO_LARGE", message: "…", requestId: "…" }),
            "415": error("Content-Type is not application/json (or an encoding other than gzip)", { code: "UNSUPPORTED_MEDIA_TYPE", message: "…", requestId: "…" }),
            "422": error("Every reading was rejected (details.receipt has the receipt)", { code: "UNPROCESSABLE", message: "…", requestId: "…" }),
            "429": error(`More than ${limits.ratePerSecond} requests/s for this token; honour Retry-After`, { code: "RATE_LIMITED", message: "…", details: { retryAfterSeconds: 1 }, requestId: "…" }),
          },
        },
      },
      "/api/v1/telemetry/stream": {
        get: {
          summary: "Live telemetry over Server-Sent Events",
          security: [{ sessionCookie: [] }],
          parameters: [
            { name: "run_id", in: "query", schema: { type: "array", items: { type: "string", format: "uuid" } }, style: "form", explode: true },
            { name: "capture_session_id", in: "query", schema: { type: "array", items: { type: "string", format: "uuid" } }, style: "form", explode: true },
            { name: "sensor_id", in: "query", schema: { type: "array", items: { type: "string", format: "uuid" } }, style: "form", explode: true },
            { name: "since", in: "query", schema: { type: "string" }, description: "A cursor (an event id) to resume after; the Last-Event-ID header does the same." },
            { name: "Last-Event-ID", in: "header", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description:
                "text/event-stream. `event: telemetry` with `id: <cursor>` and data {sensor_id, readings:[{timestamp, raw_value, value}]}; " +
                "`event: status` when the run's or a session's status changes; a `: ping` comment at least every 15 s. " +
                "Reconnecting with the last id replays what was missed, without gaps or duplicates.",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            "400": error("Bad query or cursor", { code: "BAD_INPUT", message: "…", requestId: "…" }),
            "401": error("Not signed in", { code: "UNAUTHENTICATED", message: "…", requestId: "…" }),
            "404": error("Unknown id, or not a member of its project", { code: "NOT_FOUND", message: "…", requestId: "…" }),
          },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1 JSON" } } } },
    },
  };
}

export const handleOpenApi: NodeHandler = async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use GET." } }, { allow: "GET" });
  sendJson(res, 200, openApiDocument(), { "cache-control": "public, max-age=300" });
};
