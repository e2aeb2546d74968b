// The node:http tRPC handler on a real socket against the test database: session cookies (valid, missing, revoked),
// proxy.ts's refusals (cross-site, form bodies, oversized bodies) and the request id on every response.
import http from "node:http";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bumpSessionVersion, findUserById } from "../../db/queries/users";
import { useTestDatabase } from "../../test/db";
import { callerFor, makeProject, makeUser } from "../../test/factories";
import { MAX_JSON_BODY_BYTES } from "../http";
import { createTrpcNodeHandler } from "./trpc-node";

const SECRET = "node-handler-test-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

describe("createTrpcNodeHandler", () => {
  const db = useTestDatabase();
  const handler = createTrpcNodeHandler({ getDb: () => db.db });
  const server = http.createServer((req, res) => void handler(req, res));
  let base = "";

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no TCP address");
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function sessionCookie(userId: string): Promise<string> {
    const user = await findUserById(db.db, userId);
    const token = await encode({ token: { uid: userId, sv: user?.sessionVersion }, secret: SECRET, salt: COOKIE });
    return `theme=dark; ${COOKIE}=${token}`;
  }

  const me = (headers: Record<string, string> = {}) => fetch(`${base}/api/trpc/user.me`, { headers });
  const formPost = (site: string) =>
    fetch(`${base}/api/trpc/project.create`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": site },
      body: "name=evil",
    });

  it("answers 401 without a session cookie, with a fresh request id and no caching", async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toMatch(WELL_FORMED_ID);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 200 with the signed-in user for a valid cookie", async () => {
    const user = await makeUser(db.db);
    const res = await me({ cookie: await sessionCookie(user.id) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: { id: string; email: string } } } };
    expect(body.result.data.json).toMatchObject({ id: user.id, email: user.email });
  });

  it("refuses a cookie from before the session version was bumped (signed out everywhere)", async () => {
    const user = await makeUser(db.db);
    const cookie = await sessionCookie(user.id);
    expect((await me({ cookie })).status).toBe(200);
    await bumpSessionVersion(db.db, user.id);
    expect((await me({ cookie })).status).toBe(401);
  });

  describe("a project-scoped call, where the session check and the membership read are one query", () => {
    const experiments = (projectId: string, cookie: string) =>
      fetch(`${base}/api/trpc/experiment.list?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`, { headers: { cookie } });
    const mutate = (projectId: string, cookie: string) =>
      fetch(`${base}/api/trpc/experiment.create`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ json: { projectId, name: "From a viewer" } }),
      });

    it("answers a member, 404s a project they are not in, 403s a viewer's write, and 401s once signed out", async () => {
      const [owner, viewer, stranger] = await Promise.all([makeUser(db.db), makeUser(db.db), makeUser(db.db)]);
      const project = await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }]);
      const cookie = await sessionCookie(viewer.id);
      const ok = await experiments(project.id, cookie);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { result: { data: { json: { items: unknown[] } } } }).result.data.json.items).toEqual([]);
      expect((await experiments(project.id, await sessionCookie(stranger.id))).status).toBe(404);
      expect((await mutate(project.id, cookie)).status).toBe(403);
      await bumpSessionVersion(db.db, viewer.id);
      expect((await experiments(project.id, cookie)).status).toBe(401);
      expect((await mutate(project.id, cookie)).status).toBe(401);
    });

    it("serves a run whose params are called prototype and constructor (superjson alone answered 500)", async () => {
      const owner = await makeUser(db.db);
      const project = await makeProject(db.db, owner);
      const api = callerFor(db.db, owner);
      const experiment = await api.experiment.create({ projectId: project.id, name: "Keys" });
      const params = JSON.parse('{"prototype": "v2", "constructor": 3}') as Record<string, string | number>;
      const create = { projectId: project.id, experimentId: experiment.id, name: "Proto", params, metadata: { constructor: { a: 1 } }, idempotencyKey: "proto-key-0001" };
      const run = await api.run.create(create);
      // The idempotency store serialises the result with the same transformer, so a replay answers too.
      expect((await api.run.create(create)).id).toBe(run.id);
      const input = encodeURIComponent(JSON.stringify({ json: { projectId: project.id, id: run.id } }));
      const res = await fetch(`${base}/api/trpc/run.byId?input=${input}`, { headers: { cookie: await sessionCookie(owner.id) } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { data: { json: { params: unknown; metadata: unknown; createdAt: string } } } };
      expect(body.result.data.json).toMatchObject({ params: { prototype: "v2", constructor: 3 }, metadata: { constructor: { a: 1 } } });
      expect(new Date(body.result.data.json.createdAt).getTime()).toBe(run.createdAt.getTime());
    });

    it("refuses a \"__proto__\" key in params or metadata, at any depth, with 400 on that field and nothing created", async () => {
      const owner = await makeUser(db.db);
      const project = await makeProject(db.db, owner);
      const experiment = await callerFor(db.db, owner).experiment.create({ projectId: project.id, name: "Proto keys" });
      const cookie = await sessionCookie(owner.id);
      // Raw bodies: JSON.stringify of an object literal would not carry an own "__proto__" key.
      const createRun = (fields: string) =>
        fetch(`${base}/api/trpc/run.create`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: `{"json":{"projectId":"${project.id}","experimentId":"${experiment.id}","name":"P",${fields}}}`,
        });
      const cases = [
        ['"params":{"__proto__":1,"lr":0.1}', "params", "__proto__"],
        ['"metadata":{"__proto__":{"a":1}}', "metadata", "__proto__"],
        ['"metadata":{"rig":[{"__proto__":{"a":1}}]}', "metadata", "rig.0.__proto__"],
      ] as const;
      for (const [fields, field, at] of cases) {
        const res = await createRun(fields);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { json: { data: { fieldErrors?: Record<string, string[]> } } } };
        expect(body.error.json.data.fieldErrors?.[field]).toEqual([`"__proto__" cannot be used as a key (at ${at}); rename it`]);
      }
      const [created] = await db.sql<{ n: number }[]>`select count(*)::int as n from runs where experiment_id = ${experiment.id}`;
      expect(created?.n).toBe(0);
      expect((await createRun('"metadata":{"rig":{"proto":{"a":1}}}')).status).toBe(200);
    });

    it("answers 400, not 500, to a body that is not the wire format's envelope", async () => {
      const owner = await makeUser(db.db);
      const cookie = await sessionCookie(owner.id);
      for (const body of ["null", "42", '"text"', "[]", '{"projectId":"x"}']) {
        const res = await fetch(`${base}/api/trpc/experiment.create`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
        expect(res.status, body).toBe(400);
      }
    });

    it("401s a cookie of a user that no longer exists, and a signed-out caller before looking at the input", async () => {
      const owner = await makeUser(db.db);
      const project = await makeProject(db.db, owner);
      const token = await encode({ token: { uid: "00000000-0000-4000-8000-000000000000", sv: 1 }, secret: SECRET, salt: COOKIE });
      expect((await experiments(project.id, `${COOKIE}=${token}`)).status).toBe(401);
      expect((await experiments("not-a-uuid", "")).status).toBe(401);
    });
  });

  describe("rolling sessions", () => {
    const DAY_MS = 24 * 3600 * 1000;
    /** A session cookie as if signed in `daysAgo` days ago (next-auth stamps iat and exp from the clock). */
    async function cookieIssued(userId: string, daysAgo: number): Promise<string> {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() - daysAgo * DAY_MS);
      try {
        return await sessionCookie(userId);
      } finally {
        vi.useRealTimers();
      }
    }
    const renewedToken = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));

    it("re-issues a day-old session on a successful call, with the same user and a fresh week", async () => {
      const user = await makeUser(db.db);
      const fresh = await me({ cookie: await sessionCookie(user.id) });
      expect(fresh.status).toBe(200);
      expect(renewedToken(fresh)).toBeUndefined();

      const res = await me({ cookie: await cookieIssued(user.id, 2) });
      expect(res.status).toBe(200);
      const setCookie = renewedToken(res);
      expect(setCookie).toMatch(/; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
      const token = setCookie!.slice(COOKIE.length + 1).split(";")[0]!;
      const claims = await decode({ token, secret: SECRET, salt: COOKIE });
      expect(claims).toMatchObject({ uid: user.id, sv: (await findUserById(db.db, user.id))?.sessionVersion });
      expect(Math.abs(Number(claims?.iat) * 1000 - Date.now())).toBeLessThan(60_000);
      expect((await me({ cookie: `${COOKIE}=${token}` })).status).toBe(200);
    });

    it("does not renew a session that was signed out everywhere", async () => {
      const user = await makeUser(db.db);
      const cookie = await cookieIssued(user.id, 2);
      await bumpSessionVersion(db.db, user.id);
      const res = await me({ cookie });
      expect(res.status).toBe(401);
      expect(renewedToken(res)).toBeUndefined();
    });
  });

  it("refuses a tampered cookie", async () => {
    const user = await makeUser(db.db);
    const cookie = await sessionCookie(user.id);
    expect((await me({ cookie: `${cookie.slice(0, -4)}AAAA` })).status).toBe(401);
  });

  it("reuses a well-formed incoming request id and replaces a malformed one", async () => {
    expect((await me({ "x-request-id": "trace-1234abcd" })).headers.get("x-request-id")).toBe("trace-1234abcd");
    expect((await me({ "x-request-id": "bad id!" })).headers.get("x-request-id")).not.toBe("bad id!");
  });

  it("refuses a cross-site form post with 403 in the proxy's error shape", async () => {
    const res = await formPost("cross-site");
    expect(res.status).toBe(403);
    const requestId = res.headers.get("x-request-id");
    expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.stringContaining("cross-site"), requestId } });
  });

  it("refuses a same-origin form post with 415", async () => {
    const res = await formPost("same-origin");
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE", requestId: res.headers.get("x-request-id") } });
  });

  it("refuses a declared Content-Length over the limit with 413 before reading the body", async () => {
    const res = await fetch(`${base}/api/trpc/project.create`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "too-large-0001" },
      body: "x".repeat(MAX_JSON_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", requestId: "too-large-0001" } });
  });

  it("stops a chunked body (no Content-Length) at the limit with 413 once the procedure reads its input", async () => {
    const cookie = await sessionCookie((await makeUser(db.db)).id);
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const headers = { "content-type": "application/json", cookie };
      const req = http.request(`${base}/api/trpc/project.create`, { method: "POST", headers }, resolve);
      req.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, "x");
      for (let sent = 0; sent <= MAX_JSON_BODY_BYTES; sent += chunk.length) req.write(chunk);
      req.end();
    });
    res.resume();
    expect(res.statusCode).toBe(413);
    expect(res.headers["x-request-id"]).toMatch(WELL_FORMED_ID);
  });
});
