// webhook router: owners only, the secret shown once (never listed or audited), URL and action validation with field
// errors, idempotent create, a per-project limit, pausing, rotation, the delivery log with "send again", and foreign ids.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("webhook router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let projectId: string;
  const url = "https://lab.example.org/hooks/etp";

  beforeAll(async () => {
    [owner, editor, viewer] = await Promise.all([makeUser(db.db), makeUser(db.db), makeUser(db.db)]);
    projectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }, { user: viewer, role: "viewer" }])).id;
  });
  const api = () => callerFor(db.db, owner).webhook;
  const deliveryCount = async (endpointId: string) =>
    (await db.sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpointId}`)[0]!.n;

  it("creates an endpoint and shows its secret once: not in the list, not in the audit trail", async () => {
    const { webhook, secret } = await api().create({ projectId, url, description: "LIMS", events: ["run.status_changed", "run.status_changed"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ url, description: "LIMS", events: ["run.status_changed"], active: true, secretHint: `whsec_…${secret.slice(-4)}` });
    const listed = await api().list({ projectId });
    const audit = (await auditRowsForAction(db.db, "webhook.created", webhook.id)).map((row) => row.after);
    expect(audit).toHaveLength(1);
    for (const visible of [listed, audit]) expect(JSON.stringify(visible)).not.toContain(secret);
    expect(listed.map((w) => w.id)).toContain(webhook.id);
  });

  it("is for owners only: editors and viewers get FORBIDDEN, strangers NOT_FOUND", async () => {
    const stranger = await makeUser(db.db);
    for (const user of [editor, viewer]) {
      expect((await trpcErrorOf(callerFor(db.db, user).webhook.list({ projectId }))).code).toBe("FORBIDDEN");
      expect((await trpcErrorOf(callerFor(db.db, user).webhook.create({ projectId, url })))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await trpcErrorOf(callerFor(db.db, stranger).webhook.list({ projectId }))).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for another project's webhook, even to that project's owner calling with this project", async () => {
    const other = await makeProject(db.db, owner);
    const { webhook } = await api().create({ projectId: other.id, url });
    for (const call of [
      () => api().update({ projectId, id: webhook.id, active: false }),
      () => api().rotateSecret({ projectId, id: webhook.id }),
      () => api().delete({ projectId, id: webhook.id }),
      () => api().deliveries({ projectId, id: webhook.id }),
      () => api().redeliver({ projectId, id: webhook.id, deliveryId: 1 }),
      () => api().ping({ projectId, id: webhook.id }),
      () => api().payload({ projectId, id: webhook.id, deliveryId: 1 }),
    ]) {
      expect((await trpcErrorOf(call())).code).toBe("NOT_FOUND");
    }
  });

  it.each([
    ["ftp://lab.example.org/x", "url", /http:\/\/ or https:\/\//],
    ["not a url", "url", /http:\/\/ or https:\/\//],
    ["https://user:pw@lab.example.org/x", "url", /credentials/],
  ])("refuses the URL %s with a field error", async (bad, field, message) => {
    const error = await trpcErrorOf(api().create({ projectId, url: bad }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorShape(error, "webhook.create").data.fieldErrors?.[field]?.[0]).toMatch(message);
  });

  it("refuses a private address when it is saved, saying how the operator can allow it", async () => {
    const { webhook } = await api().create({ projectId, url });
    for (const call of [
      () => api().create({ projectId, url: "http://127.0.0.1:8080/hook" }),
      () => api().create({ projectId, url: "http://localhost/hook" }),
      () => api().update({ projectId, id: webhook.id, url: "http://[::1]:9000/hook" }),
      () => api().update({ projectId, id: webhook.id, url: "http://192.168.1.20/hook" }),
    ]) {
      const error = await trpcErrorOf(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "webhook.create").data.fieldErrors?.url?.[0]).toMatch(/private network.*WEBHOOK_ALLOW_PRIVATE_TARGETS=true/);
    }
    expect((await api().list({ projectId })).find((w) => w.id === webhook.id)?.url).toBe(url);
  });

  it("refuses an action name that is not one, naming its index", async () => {
    const error = await trpcErrorOf(api().create({ projectId, url, events: ["run.created", "DROP TABLE"] }));
    expect(Object.keys(clientErrorShape(error, "webhook.create").data.fieldErrors ?? {})).toEqual(["events.1"]);
  });

  it("creates one endpoint for a repeated idempotency key, and refuses the key with another input", async () => {
    const project = await makeProject(db.db, owner);
    const input = { projectId: project.id, url, idempotencyKey: `hook-${randomUUID()}` };
    const first = await api().create(input);
    expect((await api().create(input)).webhook.id).toBe(first.webhook.id);
    expect(await api().list({ projectId: project.id })).toHaveLength(1);
    expect((await trpcErrorOf(api().create({ ...input, url: `${url}/other` }))).code).toBe("UNPROCESSABLE_CONTENT");
  });

  it("refuses a 21st endpoint in one project with CONFLICT", async () => {
    const project = await makeProject(db.db, owner);
    for (let i = 0; i < 20; i++) await api().create({ projectId: project.id, url: `${url}/${i}` });
    const error = await trpcErrorOf(api().create({ projectId: project.id, url }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/at most 20 webhooks/);
  });

  it("queues deliveries only while active, keeps a log with send-again, and forgets them on delete", async () => {
    const project = await makeProject(db.db, owner);
    const { webhook } = await api().create({ projectId: project.id, url, events: ["experiment.created"] });
    const experiments = callerFor(db.db, owner).experiment;
    await experiments.create({ projectId: project.id, name: "One" });
    await experiments.create({ projectId: project.id, name: "Two" });
    await api().update({ projectId: project.id, id: webhook.id, active: false });
    await experiments.create({ projectId: project.id, name: "While paused" });
    expect(await deliveryCount(webhook.id)).toBe(2);

    const page = await api().deliveries({ projectId: project.id, id: webhook.id, limit: 1 });
    expect(page.items).toMatchObject([{ status: "pending", attempts: 0, action: "experiment.created" }]);
    const rest = await api().deliveries({ projectId: project.id, id: webhook.id, limit: 1, cursor: page.nextCursor! });
    expect(rest.items[0]!.id).toBeLessThan(page.items[0]!.id);
    expect(rest.nextCursor).toBeNull();

    const deliveryId = page.items[0]!.id;
    const shown = await api().payload({ projectId: project.id, id: webhook.id, deliveryId });
    expect(shown.event).toBe("experiment.created");
    expect(JSON.parse(shown.body)).toMatchObject({ type: "experiment.created", projectId: project.id, after: { name: "Two" } });
    expect((await trpcErrorOf(api().payload({ projectId: project.id, id: webhook.id, deliveryId: 999_999_999 }))).code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(api().redeliver({ projectId: project.id, id: webhook.id, deliveryId }))).code).toBe("CONFLICT");
    await db.sql`update webhook_deliveries set status = 'failed', attempts = 8 where id = ${deliveryId}`;
    await api().redeliver({ projectId: project.id, id: webhook.id, deliveryId });
    const [again] = (await api().deliveries({ projectId: project.id, id: webhook.id, limit: 1 })).items;
    expect(again).toMatchObject({ id: deliveryId, status: "pending", attempts: 0 });
    expect((await trpcErrorOf(api().redeliver({ projectId: project.id, id: webhook.id, deliveryId: 999_999_999 }))).code).toBe("NOT_FOUND");

    await api().delete({ projectId: project.id, id: webhook.id });
    expect(await deliveryCount(webhook.id)).toBe(0);
    expect(await api().list({ projectId: project.id })).toEqual([]);
  });

  it("sends a test event to the pinged endpoint only, and refuses to ping a paused one", async () => {
    const project = await makeProject(db.db, owner);
    const { webhook: pinged } = await api().create({ projectId: project.id, url, events: ["run.created"] });
    const { webhook: other } = await api().create({ projectId: project.id, url: `${url}/all` });
    const before = await deliveryCount(other.id);
    await api().ping({ projectId: project.id, id: pinged.id });
    const [test] = (await api().deliveries({ projectId: project.id, id: pinged.id })).items;
    expect(test).toMatchObject({ action: "webhook.pinged", status: "pending" });
    expect(await deliveryCount(other.id)).toBe(before);
    await api().update({ projectId: project.id, id: pinged.id, active: false });
    const paused = await trpcErrorOf(api().ping({ projectId: project.id, id: pinged.id }));
    expect(paused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/paused/) });
  });

  it("writes nothing for an update without fields, and counts concurrent creates at the limit one at a time", async () => {
    const project = await makeProject(db.db, owner);
    const { webhook } = await api().create({ projectId: project.id, url });
    expect(await api().update({ projectId: project.id, id: webhook.id })).toEqual(webhook);
    expect(await auditRowsForAction(db.db, "webhook.updated", webhook.id)).toEqual([]);

    for (let i = 1; i < 19; i++) await api().create({ projectId: project.id, url: `${url}/${i}` });
    const racing = await Promise.allSettled([api().create({ projectId: project.id, url: `${url}/a` }), api().create({ projectId: project.id, url: `${url}/b` })]);
    expect(racing.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await api().list({ projectId: project.id })).toHaveLength(20);
  });

  it("sends a delivery again once for two simultaneous requests, auditing it once", async () => {
    const project = await makeProject(db.db, owner);
    const { webhook } = await api().create({ projectId: project.id, url });
    const [delivery] = (await api().deliveries({ projectId: project.id, id: webhook.id })).items;
    await db.sql`update webhook_deliveries set status = 'delivered', attempts = 1 where id = ${delivery!.id}`;
    const both = await Promise.allSettled([1, 2].map(() => api().redeliver({ projectId: project.id, id: webhook.id, deliveryId: delivery!.id })));
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await auditRowsForAction(db.db, "webhook.redelivered", webhook.id)).toHaveLength(1);
  });

  it("rotates the secret: a new one, shown once, and the hint follows", async () => {
    const { webhook, secret } = await api().create({ projectId, url });
    const rotated = await api().rotateSecret({ projectId, id: webhook.id });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.webhook.secretHint).toBe(`whsec_…${rotated.secret.slice(-4)}`);
    const [stored] = await db.sql<{ secret: string }[]>`select secret from webhook_endpoints where id = ${webhook.id}`;
    expect(stored?.secret).toBe(rotated.secret);
  });
});
