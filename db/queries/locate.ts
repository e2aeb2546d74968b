import { eq } from "drizzle-orm";
import type { Queryable } from "../client";
import { captureSessions, experiments, runs } from "../schema";

export const LOCATABLE_KINDS = ["experiment", "run", "captureSession"] as const;
export type LocatableKind = (typeof LOCATABLE_KINDS)[number];

/** The project an entity belongs to, whoever asks; membership is checked by the caller. */
export async function findProjectIdOf(db: Queryable, kind: LocatableKind, id: string): Promise<string | undefined> {
  const table = kind === "experiment" ? experiments : kind === "run" ? runs : captureSessions;
  const [row] = await db.select({ projectId: table.projectId }).from(table).where(eq(table.id, id)).limit(1);
  return row?.projectId;
}
