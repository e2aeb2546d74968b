// Streamed exports: every row once, in order, across many keyset pages, with CSV quoting that survives hostile text.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { experiments, runs } from "../../db/schema";
import { useTestDatabase } from "../../test/db";
import { makeProject, makeUser } from "../../test/factories";
import { EXPERIMENT_COLUMNS, experimentRows, flattenForCsv, runColumns, runRows } from "./rows";
import { csvStream, jsonStream } from "./streams";

const HOSTILE = ['comma, inside', 'quote " inside', "new\nline", "semi; colon", "=cmd()", "ünïcödé ✓"];

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("exports", () => {
  const db = useTestDatabase();
  let projectId: string;
  let otherProjectId: string;
  let experimentId: string;
  const RUNS = 2345;

  beforeAll(async () => {
    const owner = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner)).id;
    otherProjectId = (await makeProject(db.db, owner)).id;
    const [experiment] = await db.db
      .insert(experiments)
      .values({ projectId, name: HOSTILE[0]!, description: HOSTILE[2]!, tags: ["a", "b"], metadata: { note: HOSTILE[1] } })
      .returning();
    experimentId = experiment!.id;
    await db.db.insert(experiments).values({ projectId: otherProjectId, name: "elsewhere" });
    const base = Date.parse("2026-01-01T00:00:00Z");
    const rows = Array.from({ length: RUNS }, (_, i) => ({
      projectId,
      experimentId,
      name: `${HOSTILE[i % HOSTILE.length]} #${i}`,
      status: i % 3 === 0 ? ("failed" as const) : ("succeeded" as const),
      params: { lr: i / 1000, optimizer: i % 2 ? "adam" : "sgd", shielded: i % 5 === 0 },
      tags: [`t${i % 4}`],
      // Every 10 runs share a timestamp, so the id tiebreak of the keyset is exercised.
      createdAt: new Date(base + Math.floor(i / 10) * 1000),
    }));
    for (let i = 0; i < rows.length; i += 500) await db.db.insert(runs).values(rows.slice(i, i + 500));
  });

  it("streams every run once, newest first, over many small pages, as parseable CSV", async () => {
    const query = { projectId, experimentId, format: "csv" as const };
    const { columns, paramKeys } = await runColumns(db.db, projectId, query);
    expect(paramKeys).toEqual(["lr", "optimizer", "shielded"]);
    const csv = await text(csvStream(columns, flattenForCsv(runRows(db.db, projectId, query, 100), paramKeys)));
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(RUNS);
    expect(new Set(records.map((r) => r.id)).size).toBe(RUNS);
    const created = records.map((r) => r.created_at!);
    expect([...created].sort().reverse()).toEqual(created);
    const sample = records.find((r) => r.name === `${HOSTILE[2]} #2`)!;
    expect(sample.name).toBe("new\nline #2");
    expect(sample["param.optimizer"]).toBe("sgd");
    expect(sample["param.lr"]).toBe("0.002");
    expect(records.find((r) => r.name === `${HOSTILE[1]} #1`)).toBeDefined();
  });

  it("applies the run filter", async () => {
    const query = { projectId, format: "json" as const, filter: { and: [{ status: ["failed" as const] }, { param: { key: "optimizer", op: "=" as const, value: "adam" } }] } };
    const parsed = JSON.parse(await text(jsonStream(runRows(db.db, projectId, query, 250)))) as { status: string; params: { optimizer: string } }[];
    const expected = Array.from({ length: RUNS }, (_, i) => i).filter((i) => i % 3 === 0 && i % 2 === 1).length;
    expect(parsed).toHaveLength(expected);
    expect(parsed.every((r) => r.status === "failed" && r.params.optimizer === "adam")).toBe(true);
  });

  it("exports experiments of the project only, with tags and metadata flattened", async () => {
    const csv = await text(csvStream(EXPERIMENT_COLUMNS, flattenForCsv(experimentRows(db.db, projectId, { projectId, format: "csv" }))));
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.name)).toEqual([HOSTILE[0]]);
    expect(records[0]!.tags).toBe("a; b");
    expect(JSON.parse(records[0]!.metadata!)).toEqual({ note: HOSTILE[1] });
    expect(records[0]!.description).toBe(HOSTILE[2]);
  });

  it("gives an empty JSON array and a header-only CSV when nothing matches", async () => {
    const query = { projectId: otherProjectId, format: "json" as const };
    expect(JSON.parse(await text(jsonStream(runRows(db.db, otherProjectId, query))))).toEqual([]);
    const csv = await text(csvStream(["id", "name"], flattenForCsv(runRows(db.db, otherProjectId, query))));
    expect(csv.trim()).toBe("id,name");
  });
});
