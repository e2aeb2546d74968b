// runFilterSql against real PostgreSQL: random filters over random runs (hostile strings included) must select
// exactly the runs the in-memory evaluator picks, and nothing a user typed may ever run as SQL.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { runFilterSchema } from "../../contracts/run-filter";
import { PARAM_OPERATORS, RUN_DATE_FIELDS, TAG_MODES, type RunFilter } from "../../domain/run/filter";
import { matchesRunFilter, type FilterableRun } from "../../domain/run/filter-eval";
import { RUN_STATUSES } from "../../domain/run/status";
import { useTestDatabase } from "../../test/db";
import { makeProject, makeUser } from "../../test/factories";
import { experiments, runs } from "../schema";
import { runFilterSql } from "./run-filter";

const HOSTILE = ["'; drop table runs; --", "x'); delete from runs; --", "%", "_", "a%b", "\\", "\\'", '"', "$1", "?", "{a,b}", "NULL"];
const TEXTS = [...HOSTILE, "gpu", "baseline", "adam", "1", "-2.5", "1.0", "true", "ünïcødé", "日本語", "🚀", " padded ", "a"];
const KEYS = [...HOSTILE, "lr", "seed", "opt", "a.b", "$.x", "constructor", "__proto__", "ключ", "🔑"];
const FRAGMENTS = ["", "a", "'", "-", "%", "_", "\\", "drop", "日本", "🚀", "1", "."];
const [MIN, MAX] = [new Date("2024-01-01T00:00:00Z"), new Date("2025-03-01T08:00:00Z")];
const DATES = [MIN, new Date("2024-06-15T12:30:00.250Z"), new Date("2025-01-01T00:00:00Z"), MAX];
const CANARY = `canary'; drop table runs; --`;

const text = fc.constantFrom(...TEXTS);
const key = fc.constantFrom(...KEYS);
// `+ 0` turns -0 into 0, which is what a jsonb round trip gives back.
const num = fc.oneof(fc.constantFrom(0, 1, -1, 1.5, -2.5, 0.1, 10, 1e-7, 1e21), fc.double({ min: -10, max: 10, noNaN: true })).map((n) => n + 0);
const value = fc.oneof(text, num, fc.boolean());
const date = fc.oneof(fc.constantFrom(...DATES), fc.date({ min: MIN, max: MAX, noInvalidDate: true }));
const entries = <T>(values: fc.Arbitrary<T>) =>
  fc.uniqueArray(fc.tuple(key, values), { maxLength: 4, selector: ([k]) => k }).map((kv) => Object.fromEntries(kv));

const runArb: fc.Arbitrary<FilterableRun> = fc.record({
  status: fc.constantFrom(...RUN_STATUSES),
  tags: fc.uniqueArray(text, { maxLength: 4 }),
  params: entries(value),
  metadata: entries(fc.constantFrom<unknown>(null, 1, "x", { nested: true }, [1])),
  createdAt: date,
  startedAt: fc.option(date, { nil: null }),
  finishedAt: fc.option(date, { nil: null }),
});

const paramArb = fc.oneof(
  fc.record({ key, op: fc.constantFrom("=" as const, "!=" as const), value }),
  fc.record({ key, op: fc.constantFrom("<" as const, "<=" as const, ">" as const, ">=" as const), value: num }),
  fc.record({ key, op: fc.constant("contains" as const), value: fc.oneof(text, fc.constantFrom(...FRAGMENTS)) }),
);
const dateArb = fc
  .tuple(fc.constantFrom(...RUN_DATE_FIELDS), fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }))
  .map(([field, a, b]) => {
    if (a && b && a.getTime() === b.getTime()) return { field, from: a };
    if (a && b) return a < b ? { field, from: a, to: b } : { field, from: b, to: a };
    return { field, from: a ?? (b ? undefined : MAX), to: b };
  });
const leafArb: fc.Arbitrary<RunFilter> = fc.oneof(
  fc.record({ status: fc.uniqueArray(fc.constantFrom(...RUN_STATUSES), { minLength: 1, maxLength: 3 }) }),
  fc.record({ tags: fc.record({ mode: fc.constantFrom(...TAG_MODES), values: fc.array(text, { minLength: 1, maxLength: 3 }) }) }),
  fc.record({ param: paramArb }),
  fc.record({ metadata: fc.record({ key, exists: fc.boolean() }) }),
  fc.record({ date: dateArb }),
);
// Groups nest at most 3 deep, so a tree is at most 4 levels and 40 nodes: always within FILTER_LIMITS.
const filterArb: fc.Arbitrary<RunFilter> = fc.letrec<{ node: RunFilter }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "filter" },
    leafArb,
    fc.record({ and: fc.array(tie("node"), { maxLength: 3, depthIdentifier: "filter" }) }),
    fc.record({ or: fc.array(tie("node"), { maxLength: 3, depthIdentifier: "filter" }) }),
    fc.record({ not: tie("node") }),
  ),
})).node;

describe("runFilterSql", () => {
  const db = useTestDatabase();

  async function seed(data: (FilterableRun & { name?: string })[]) {
    const project = await makeProject(db.db, await makeUser(db.db));
    const [experiment] = await db.db.insert(experiments).values({ projectId: project.id, name: "filters" }).returning({ id: experiments.id });
    if (!experiment) throw new Error("no experiment");
    const rows = await db.db
      .insert(runs)
      .values(data.map((r, i) => ({ ...r, name: r.name ?? `run-${i}`, projectId: project.id, experimentId: experiment.id })))
      .returning();
    return { projectId: project.id, rows };
  }

  async function select(projectId: string, filter: RunFilter): Promise<string[]> {
    const rows = await db.db.select({ name: runs.name }).from(runs).where(and(eq(runs.projectId, projectId), runFilterSql(filter)));
    return rows.map((r) => r.name).sort();
  }

  const tables = async () => (await db.sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`).map((t) => t.name);

  describe.each([1, 2])("random filters over random runs (batch %i)", () => {
    const datasetSeed = Date.now() ^ Math.floor(Math.random() * 2 ** 30);
    const data = fc.sample(runArb, { numRuns: 150, seed: datasetSeed });
    const named = data.map((r, i) => ({ ...r, name: `run-${String(i).padStart(3, "0")}` }));
    let projectId = "";

    beforeAll(async () => {
      await db.sql`create table if not exists ${db.sql(CANARY)} (id int)`;
      const seeded = await seed(named);
      projectId = seeded.projectId;
      // The oracle must see exactly what PostgreSQL holds.
      const stored = seeded.rows.map(({ name, status, tags, params, metadata, createdAt, startedAt, finishedAt }) => ({
        name, status, tags, params, metadata, createdAt, startedAt, finishedAt,
      }));
      expect(stored, `dataset seed ${datasetSeed}`).toEqual(named);
    });

    it("selects exactly the runs the in-memory evaluator matches", async () => {
      const before = await tables();
      await fc.assert(
        fc.asyncProperty(filterArb, async (generated) => {
          const filter = runFilterSchema.parse(generated);
          const expected = named.filter((r) => matchesRunFilter(r, filter)).map((r) => r.name);
          expect(await select(projectId, filter), `dataset seed ${datasetSeed}`).toEqual(expected);
        }),
        { numRuns: 200 },
      );
      expect(await tables()).toEqual(before);
      expect(before).toContain(CANARY);
      const [count] = await db.sql<{ n: number }[]>`select count(*)::int as n from runs where project_id = ${projectId}`;
      expect(count?.n).toBe(150);
    });

    it("is not vacuous: generated filters select none, some and all of the runs", () => {
      const sizes = fc.sample(filterArb, { numRuns: 300 }).map((f) => named.filter((r) => matchesRunFilter(r, runFilterSchema.parse(f))).length);
      expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(10);
      expect(sizes.filter((n) => n > 0 && n < named.length).length).toBeGreaterThan(50);
      expect(sizes.filter((n) => n === named.length).length).toBeGreaterThan(0);
    });

    it("is not vacuous per leaf: every kind and operator both matches and misses some runs", () => {
      const kinds = new Map<string, Set<boolean>>();
      for (const f of fc.sample(leafArb, { numRuns: 2000 })) {
        const kind = "param" in f ? `param ${f.param.op}` : "tags" in f ? `tags ${f.tags.mode}` : Object.keys(f)[0] ?? "";
        const seen = kinds.get(kind) ?? new Set<boolean>();
        for (const r of named) seen.add(matchesRunFilter(r, f));
        kinds.set(kind, seen);
      }
      const expectedKinds = ["status", "metadata", "date", ...TAG_MODES.map((m) => `tags ${m}`), ...PARAM_OPERATORS.map((o) => `param ${o}`)];
      expect([...kinds.keys()].sort()).toEqual(expectedKinds.sort());
      for (const [kind, seen] of kinds) expect(seen.size, kind).toBe(2);
    });
  });

  describe("examples", () => {
    let projectId = "";
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    const base = { tags: [] as string[], params: {}, metadata: {}, createdAt: at("2025-01-01"), startedAt: null, finishedAt: null };

    beforeAll(async () => {
      ({ projectId } = await seed([
        { ...base, name: "failed-gpu", status: "failed", tags: ["gpu"], params: { lr: 0.1 }, startedAt: at("2025-01-02"), finishedAt: at("2025-01-03") },
        { ...base, name: "running-cpu", status: "running", tags: ["cpu"], params: { lr: "0.1" }, startedAt: at("2025-01-05") },
        { ...base, name: "draft", status: "draft", params: { lr: 1 }, createdAt: at("2025-02-01") },
        { ...base, name: "ok-gpu", status: "succeeded", tags: ["gpu", "best"], params: { opt: "adam_w" }, metadata: { host: null } },
      ]));
    });

    it.each<[string, RunFilter, string[]]>([
      ["OR across status and tags", { or: [{ status: ["failed", "draft"] }, { tags: { mode: "all", values: ["gpu", "best"] } }] }, ["draft", "failed-gpu", "ok-gpu"]],
      ["NOT over a param keeps runs without it", { not: { param: { key: "lr", op: ">=", value: 0.5 } } }, ["failed-gpu", "ok-gpu", "running-cpu"]],
      ["= is typed: the number 0.1 is not the text '0.1'", { param: { key: "lr", op: "=", value: 0.1 } }, ["failed-gpu"]],
      ["!= needs the param", { param: { key: "lr", op: "!=", value: 1 } }, ["failed-gpu", "running-cpu"]],
      ["contains treats _ literally", { param: { key: "opt", op: "contains", value: "m_w" } }, ["ok-gpu"]],
      ["metadata key with a null value exists", { metadata: { key: "host", exists: true } }, ["ok-gpu"]],
      ["a date range: from inclusive, to exclusive", { date: { field: "startedAt", from: at("2025-01-02"), to: at("2025-01-05") } }, ["failed-gpu"]],
      ["a missing date never matches", { date: { field: "finishedAt", to: at("2100-01-01") } }, ["failed-gpu"]],
      ["created before a date", { date: { field: "createdAt", to: at("2025-02-01") } }, ["failed-gpu", "ok-gpu", "running-cpu"]],
      ["NOT over a date keeps never-started runs", { not: { date: { field: "startedAt", from: at("2025-01-04") } } }, ["draft", "failed-gpu", "ok-gpu"]],
      ["empty and / empty or", { or: [{ and: [] }, { or: [] }] }, ["draft", "failed-gpu", "ok-gpu", "running-cpu"]],
    ])("%s", async (_name, filter, expected) => {
      expect(await select(projectId, runFilterSchema.parse(filter))).toEqual(expected);
    });

    it("binds every user value as a parameter", () => {
      const hostile = HOSTILE[0] ?? "";
      const filter: RunFilter = { or: [{ tags: { mode: "any", values: [hostile] } }, { param: { key: hostile, op: "contains", value: hostile } }] };
      const query = db.db.select().from(runs).where(runFilterSql(filter)).toSQL();
      expect(query.sql).not.toContain("drop table");
      expect(query.params).toContain(hostile);
    });
  });
});
