import { describe, expect, it } from "vitest";
import { MAX_READINGS_PER_BATCH } from "../../contracts/telemetry";
import { READING_REJECTION_CODES } from "../../domain/telemetry/readings";
import { signWebhook } from "../../domain/webhook/signature";
import { webhookBody } from "../../domain/webhook/event";
import { openApiDocument } from "./openapi";

function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, found));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refsOf(v, found);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("resolves every $ref to a component schema", () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const name = ref.replace("#/components/schemas/", "");
      expect(Object.keys(doc.components.schemas), ref).toContain(name);
    }
  });

  it("documents the ingest contract's limits and codes as the code enforces them", () => {
    const { IngestBody, Rejection } = doc.components.schemas;
    expect(IngestBody.properties.readings.maxItems).toBe(MAX_READINGS_PER_BATCH);
    expect(Rejection.properties.code.enum).toEqual([...READING_REJECTION_CODES]);
    const answers = Object.keys(doc.paths["/api/v1/telemetry"].post.responses).sort();
    expect(answers).toEqual(["202", "400", "401", "404", "409", "413", "415", "422", "429"]);
  });

  it("documents both ways to resume a stream", () => {
    const names = doc.paths["/api/v1/telemetry/stream"].get.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["run_id", "capture_session_id", "sensor_id", "since", "Last-Event-ID"]));
  });

  it("describes the webhook event the dispatcher sends, field for field, and its signature header", () => {
    const body = webhookBody({
      id: 7, projectId: "p", action: "run.created", entityType: "run", entityId: "r", actorId: null, actorEmail: null,
      before: null, after: { name: "A" }, requestId: null, createdAt: "2026-11-27T10:00:00.000000Z",
    });
    const { WebhookEvent } = doc.components.schemas;
    expect(Object.keys(JSON.parse(body)).sort()).toEqual([...WebhookEvent.required].sort());
    expect(Object.keys(WebhookEvent.properties).sort()).toEqual([...WebhookEvent.required].sort());
    const signature = doc.webhooks.projectEvent.post.parameters.find((p) => p.name === "x-etp-signature");
    expect(signature).toBeDefined();
    expect(signWebhook("whsec_test", body, 1_800_000_000)).toMatch(new RegExp(signature!.schema.pattern!));
  });
});
