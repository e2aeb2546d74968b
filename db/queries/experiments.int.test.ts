// The experiment search against real PostgreSQL: the stored search_text follows edits, and the list's own WHERE can
// be served by its trigram index (the issue asks for an index-backed search, not a scan).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeProject, makeUser } from "../../test/factories";
import { experiments } from "../schema";
import { experimentListWhere } from "./experiments";

const db = useTestDatabase();

async function project() {
  return (await makeProject(db.db, await makeUser(db.db))).id;
}

describe("experiment search", () => {
  it("keeps search_text in step with name and description, and finds by either", async () => {
    const projectId = await project();
    const [row] = await db.db.insert(experiments).values({ projectId, name: "Cryostat RUN", description: "Helium Leak" }).returning();
    const found = (search: string) => db.db.select({ id: experiments.id }).from(experiments).where(experimentListWhere(projectId, { search }));
    expect(await found("run helium")).toEqual([{ id: row!.id }]);
    await db.db.update(experiments).set({ description: "nitrogen" }).where(eq(experiments.id, row!.id));
    expect(await found("helium")).toEqual([]);
    expect(await found("NITRO")).toEqual([{ id: row!.id }]);
  });

  it("can be answered from the trigram index on search_text", async () => {
    const projectId = await project();
    // Enough rows in the project that its own index is no shortcut for a rare term.
    await db.sql`insert into experiments (project_id, name, description)
      select ${projectId}, 'Experiment ' || g, 'routine calibration' from generate_series(1, 3000) g`;
    await db.sql`vacuum analyze experiments`;
    const plan = await db.sql.begin(async (tx) => {
      // Without scans or plain index walks to fall back on, the planner must use an index that serves the LIKE.
      await tx`set local enable_seqscan = off`;
      await tx`set local enable_indexscan = off`;
      const query = db.db.select({ id: experiments.id }).from(experiments).where(experimentListWhere(projectId, { search: "helium" })).toSQL();
      return tx.unsafe(`explain ${query.sql}`, query.params as never[]);
    });
    expect(plan.map((r) => String(r["QUERY PLAN"])).join("\n")).toContain("experiments_search_text_trgm_idx");
  });
});
