// audit.list: filters, keyset pagination over a seeded trail of 150+ events, input errors, and project isolation.
import type { inferRouterInputs } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { insertAuditEvent } from "../../../db/queries/audit";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";
import type { AppRouter } from "../app-router";

type AuditFilter = Omit<inferRouterInputs<AppRouter>["audit"]["list"], "projectId" | "cursor" | "limit">;

interface Seeded {
  projectId: string | null;
  actorId: string;
  entityType: string;
  action: string;
  entityId: string;
  createdAt: Date;
}

const ENTITY_ACTIONS: Record<string, string[]> = {
  project: ["project.updated"],
  member: ["member.added", "member.role_changed", "member.removed"],
  experiment: ["experiment.created", "experiment.updated"],
  run: ["run.started", "run.completed"],
};
const ENTITY_TYPES = Object.keys(ENTITY_ACTIONS);
const START = Date.UTC(2025, 0, 1);
const HOUR = 3600_000;

describe("audit router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let viewer: SessionUser;
  let editor: SessionUser;
  let outsider: SessionUser;
  let projectA: string;
  let projectB: string;
  /** Everything seeded, in insertion (= id) order. */
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    editor = await makeUser(db.db);
    outsider = await makeUser(db.db);
    projectA = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }, { user: editor, role: "editor" }])).id;
    projectB = (await makeProject(db.db, outsider, [{ user: editor, role: "editor" }])).id;
    const actors = [owner, editor, viewer, outsider];

    // 160 events one hour apart, spread pseudo-randomly (fixed seed) over A (~60%), B (~30%) and no project (user
    // events), four actors and four entity types; every 13th one is a "sensor" event in A, 12 in all.
    const random = seededRandom(20250101);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 160; i++) {
      const roll = random();
      const isSensor = i % 13 === 12;
      const entityType = isSensor ? "sensor" : pick(ENTITY_TYPES);
      const event: Seeded = {
        projectId: isSensor || roll < 0.6 ? projectA : roll < 0.9 ? projectB : null,
        actorId: pick(actors).id,
        entityType,
        action: isSensor ? "sensor.token_rotated" : pick(ENTITY_ACTIONS[entityType]!),
        entityId: `seed-${i}`,
        createdAt: new Date(START + i * HOUR),
      };
      seeded.push(event);
      await insertAuditEvent(db.db, { ...event, actorEmail: null, requestId: `seed-request-${i}` });
    }
    // A real mutation lands in the same trail.
    await callerFor(db.db, owner).project.update({ projectId: projectA, name: "Renamed A", description: "" });
  });

  /** Every page of audit.list for the filter, following nextCursor to the end. */
  async function walk(user: SessionUser, filter: AuditFilter, limit: number) {
    const pages: { ids: string[]; entityIds: string[]; nextCursor: string | null }[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await callerFor(db.db, user).audit.list({ projectId: projectA, ...filter, limit, cursor });
      pages.push({ ids: page.items.map((e) => e.id), entityIds: page.items.map((e) => e.entityId), nextCursor: page.nextCursor });
      if (!page.nextCursor) return pages;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  /** The seeded entity ids of project A matching `keep`, newest (highest id) first. */
  const expectedA = (keep: (e: Seeded) => boolean = () => true) =>
    seeded.filter((e) => e.projectId === projectA && keep(e)).map((e) => e.entityId).reverse();

  it("seeded enough events in both projects", () => {
    expect(seeded.length).toBeGreaterThan(120);
    expect(expectedA().length).toBeGreaterThan(50);
    expect(seeded.filter((e) => e.projectId === projectB).length).toBeGreaterThan(30);
  });

  it("walks every page of the project newest first, with no duplicates or gaps, ending with a null cursor", async () => {
    const pages = await walk(viewer, {}, 7);
    const entityIds = pages.flatMap((p) => p.entityIds);
    const ids = pages.flatMap((p) => p.ids).map(BigInt);

    expect(entityIds[0]).toBe(projectA); // the real project.updated event is the newest
    expect(entityIds.slice(1)).toEqual(expectedA());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(pages.slice(0, -1).every((p) => p.ids.length === 7 && p.nextCursor === p.ids.at(-1))).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("ends with a null cursor and no empty page when the total is an exact multiple of the page size", async () => {
    const expected = expectedA((e) => e.entityType === "sensor");
    expect(expected).toHaveLength(12);
    const pages = await walk(owner, { entityType: "sensor" }, 4);

    expect(pages.map((p) => p.ids.length)).toEqual([4, 4, 4]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expected);
  });

  it("filters by entity type", async () => {
    const pages = await walk(viewer, { entityType: "run" }, 200);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expectedA((e) => e.entityType === "run"));
  });

  it("filters by actor", async () => {
    const pages = await walk(viewer, { actorId: editor.id }, 10);
    const expected = expectedA((e) => e.actorId === editor.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expected);
  });

  it("filters by action", async () => {
    const pages = await walk(viewer, { action: "member.role_changed" }, 200);
    const expected = expectedA((e) => e.action === "member.role_changed");
    expect(expected.length).toBeGreaterThan(3);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expected);
  });

  it("filters by an inclusive time range", async () => {
    // Both bounds sit exactly on events of A, so an exclusive comparison would drop them.
    const inA = seeded.filter((e) => e.projectId === projectA);
    const [first, last] = [inA[20]!, inA[60]!];
    const pages = await walk(viewer, { from: first.createdAt, to: last.createdAt }, 9);
    const expected = expectedA((e) => e.createdAt >= first.createdAt && e.createdAt <= last.createdAt);

    expect(expected).toHaveLength(41);
    expect(expected.at(0)).toBe(last.entityId);
    expect(expected.at(-1)).toBe(first.entityId);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expected);
  });

  it("combines filters", async () => {
    const from = new Date(START + 40 * HOUR);
    const pages = await walk(viewer, { entityType: "experiment", actorId: owner.id, from }, 3);
    const expected = expectedA((e) => e.entityType === "experiment" && e.actorId === owner.id && e.createdAt >= from);

    expect(expected.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.entityIds)).toEqual(expected);
  });

  it("never shows another project's events or project-less events", async () => {
    const everything = (await walk(editor, {}, 200)).flatMap((p) => p.entityIds);
    const elsewhere = seeded.filter((e) => e.projectId !== projectA).map((e) => e.entityId);

    expect(elsewhere.length).toBeGreaterThan(40);
    expect(everything.filter((id) => elsewhere.includes(id))).toEqual([]);
    // The editor is also in B and sees B's trail there, and only B's.
    const inB = await callerFor(db.db, editor).audit.list({ projectId: projectB, limit: 200 });
    expect(inB.items.map((e) => e.entityId)).toEqual(seeded.filter((e) => e.projectId === projectB).map((e) => e.entityId).reverse());
  });

  it("gives a non-member NOT_FOUND", async () => {
    const error = await trpcErrorOf(callerFor(db.db, outsider).audit.list({ projectId: projectA }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("rejects a cursor that is not a number", async () => {
    const error = await trpcErrorOf(callerFor(db.db, viewer).audit.list({ projectId: projectA, cursor: "abc" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorShape(error, "audit.list").data.fieldErrors).toEqual({ cursor: ["Invalid cursor"] });
  });

  // Known bug: /^\d+$/ accepts digits beyond bigint's range, and PostgreSQL's overflow error surfaces as a 500.
  // Fix contracts/audit.ts (see the report), then turn this into a plain `it`.
  it("rejects a cursor beyond the bigint range as bad input", async () => {
    const error = await trpcErrorOf(callerFor(db.db, viewer).audit.list({ projectId: projectA, cursor: "99999999999999999999" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("rejects a range whose start is after its end", async () => {
    const error = await trpcErrorOf(
      callerFor(db.db, viewer).audit.list({ projectId: projectA, from: new Date(START + 2 * HOUR), to: new Date(START) }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorShape(error, "audit.list").data.fieldErrors).toEqual({ to: ["'from' must be before 'to'"] });
  });
});

/** mulberry32: a tiny deterministic PRNG, so the seeded trail is varied but the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
