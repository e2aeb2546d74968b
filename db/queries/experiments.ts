import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";
import { experiments } from "../schema";

export async function listExperiments(
  db: Queryable,
  { projectId, limit, after }: { projectId: string; limit: number; after?: { createdAt: Date; id: string } },
) {
  const conditions: (SQL | undefined)[] = [eq(experiments.projectId, projectId)];
  if (after) {
    conditions.push(
      or(lt(experiments.createdAt, after.createdAt), and(eq(experiments.createdAt, after.createdAt), lt(experiments.id, after.id))),
    );
  }
  return db
    .select()
    .from(experiments)
    .where(and(...conditions))
    .orderBy(desc(experiments.createdAt), desc(experiments.id))
    .limit(limit);
}
