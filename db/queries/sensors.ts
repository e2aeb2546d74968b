// The SQL of sensors: membership in projects, keyset pages, credentials (looked up by hash for ingest) and the
// append-only conversion profile versions. Every read hides soft-deleted sensors.
import { and, asc, count, desc, eq, gt, isNull, max, or, sql } from "drizzle-orm";
import type { ConversionSpec } from "../../domain/conversion/profile";
import type { Queryable } from "../client";
import { conversionProfiles, projects, sensorCredentials, sensorProjects, sensors } from "../schema";

export type SensorRow = typeof sensors.$inferSelect;
export type SensorCredentialRow = typeof sensorCredentials.$inferSelect;

/** What a sensor read returns: every column but the soft-delete marker (always null for a visible sensor). */
export const sensorColumns = {
  id: sensors.id,
  name: sensors.name,
  type: sensors.type,
  unit: sensors.unit,
  rawUnit: sensors.rawUnit,
  description: sensors.description,
  metadata: sensors.metadata,
  activeProfileVersion: sensors.activeProfileVersion,
  createdBy: sensors.createdBy,
  createdAt: sensors.createdAt,
  updatedAt: sensors.updatedAt,
};
export type SensorView = Omit<SensorRow, "deletedAt">;

/** A credential is live when not revoked and not past its expiry at `now`; the same rule as isCredentialActive. */
function credentialLiveAt(now: Date) {
  return and(isNull(sensorCredentials.revokedAt), or(isNull(sensorCredentials.expiresAt), gt(sensorCredentials.expiresAt, now)));
}

/** The (not deleted) sensor, if it belongs to the project. */
export async function findSensorInProject(
  db: Queryable,
  { projectId, id }: { projectId: string; id: string },
  options: { forUpdate?: boolean } = {},
): Promise<SensorView | undefined> {
  const query = db
    .select(sensorColumns)
    .from(sensors)
    .innerJoin(sensorProjects, and(eq(sensorProjects.sensorId, sensors.id), eq(sensorProjects.projectId, projectId)))
    .where(and(eq(sensors.id, id), isNull(sensors.deletedAt)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: sensors }) : await query;
  return row;
}

export interface SensorPageQuery {
  projectId: string;
  after?: { name: string; id: string };
  limit: number;
  now: Date;
}

/** One page of the project's sensors in (name, id) order, with the newest live credential's hint and project count. */
export async function listSensorPage(db: Queryable, { projectId, after, limit, now }: SensorPageQuery) {
  const conditions = [eq(sensorProjects.projectId, projectId), isNull(sensors.deletedAt)];
  if (after) conditions.push(sql`(${sensors.name}, ${sensors.id}) > (${after.name}, ${after.id}::uuid)`);
  return db
    .select({
      ...sensorColumns,
      tokenHint: sql<string | null>`(
        select ${sensorCredentials.hint} from ${sensorCredentials}
        where ${sensorCredentials.sensorId} = ${sensors.id} and ${credentialLiveAt(now)}
        order by ${sensorCredentials.createdAt} desc limit 1)`,
      projectCount: sql<number>`(select count(*) from ${sensorProjects} sp where sp.sensor_id = ${sensors.id})`.mapWith(Number),
    })
    .from(sensors)
    .innerJoin(sensorProjects, eq(sensorProjects.sensorId, sensors.id))
    .where(and(...conditions))
    .orderBy(asc(sensors.name), asc(sensors.id))
    .limit(limit);
}

export type NewSensor = Pick<SensorRow, "name" | "type" | "unit" | "rawUnit" | "description" | "metadata" | "createdBy">;

export async function insertSensor(db: Queryable, values: NewSensor): Promise<SensorRow> {
  const [row] = await db.insert(sensors).values(values).returning();
  return row!;
}

export type SensorChanges = Partial<Pick<SensorRow, "name" | "type" | "unit" | "rawUnit" | "description" | "metadata" | "activeProfileVersion">>;

/** Sets only the given columns, and always bumps updated_at. */
export async function updateSensor(db: Queryable, id: string, changes: SensorChanges): Promise<SensorView> {
  const [row] = await db
    .update(sensors)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(sensors.id, id))
    .returning(sensorColumns);
  return row!;
}

export async function softDeleteSensor(db: Queryable, id: string): Promise<void> {
  await db.update(sensors).set({ deletedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(sensors.id, id));
}

// --- projects of a sensor ---

export async function listSensorProjects(db: Queryable, sensorId: string) {
  return db
    .select({ id: projects.id, name: projects.name, isPrimary: sensorProjects.isPrimary, addedAt: sensorProjects.createdAt })
    .from(sensorProjects)
    .innerJoin(projects, eq(projects.id, sensorProjects.projectId))
    .where(eq(sensorProjects.sensorId, sensorId))
    .orderBy(desc(sensorProjects.isPrimary), asc(sensorProjects.createdAt), asc(projects.id));
}

/** Adds the link; false when the sensor was already in that project. */
export async function insertSensorProject(db: Queryable, values: { sensorId: string; projectId: string; isPrimary: boolean }): Promise<boolean> {
  const rows = await db.insert(sensorProjects).values(values).onConflictDoNothing().returning({ sensorId: sensorProjects.sensorId });
  return rows.length > 0;
}

export async function deleteSensorProject(db: Queryable, { sensorId, projectId }: { sensorId: string; projectId: string }): Promise<void> {
  await db.delete(sensorProjects).where(and(eq(sensorProjects.sensorId, sensorId), eq(sensorProjects.projectId, projectId)));
}

// --- credentials ---

export async function insertCredential(
  db: Queryable,
  values: { sensorId: string; tokenHash: string; hint: string; createdBy: string },
): Promise<SensorCredentialRow> {
  const [row] = await db.insert(sensorCredentials).values(values).returning();
  return row!;
}

/** Never selects token_hash: nothing that reaches a client needs it. */
export async function listCredentials(db: Queryable, sensorId: string) {
  return db
    .select({
      id: sensorCredentials.id,
      hint: sensorCredentials.hint,
      createdAt: sensorCredentials.createdAt,
      expiresAt: sensorCredentials.expiresAt,
      revokedAt: sensorCredentials.revokedAt,
    })
    .from(sensorCredentials)
    .where(eq(sensorCredentials.sensorId, sensorId))
    .orderBy(desc(sensorCredentials.createdAt), desc(sensorCredentials.id));
}

/**
 * Ends every credential of the sensor that is still live at `now` by `expiresAt`, never extending an earlier expiry.
 * Returns their ids and hints.
 */
export async function expireLiveCredentials(db: Queryable, { sensorId, now, expiresAt }: { sensorId: string; now: Date; expiresAt: Date }) {
  return db
    .update(sensorCredentials)
    .set({ expiresAt: sql`least(coalesce(${sensorCredentials.expiresAt}, ${expiresAt.toISOString()}::timestamptz), ${expiresAt.toISOString()}::timestamptz)` })
    .where(and(eq(sensorCredentials.sensorId, sensorId), credentialLiveAt(now)))
    .returning({ id: sensorCredentials.id, hint: sensorCredentials.hint, expiresAt: sensorCredentials.expiresAt, tokenHash: sensorCredentials.tokenHash });
}

/** Revokes one credential (or, without `credentialId`, all) of the sensor; already revoked ones keep their time. */
export async function revokeCredentials(db: Queryable, { sensorId, credentialId }: { sensorId: string; credentialId?: string }) {
  const conditions = [eq(sensorCredentials.sensorId, sensorId), isNull(sensorCredentials.revokedAt)];
  if (credentialId) conditions.push(eq(sensorCredentials.id, credentialId));
  return db
    .update(sensorCredentials)
    .set({ revokedAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: sensorCredentials.id, hint: sensorCredentials.hint, revokedAt: sensorCredentials.revokedAt, tokenHash: sensorCredentials.tokenHash });
}

export async function findCredential(db: Queryable, { sensorId, credentialId }: { sensorId: string; credentialId: string }) {
  const [row] = await db
    .select({ id: sensorCredentials.id, hint: sensorCredentials.hint, revokedAt: sensorCredentials.revokedAt, expiresAt: sensorCredentials.expiresAt })
    .from(sensorCredentials)
    .where(and(eq(sensorCredentials.sensorId, sensorId), eq(sensorCredentials.id, credentialId)))
    .limit(1);
  return row;
}

/**
 * Ingest's lookup: the live credential with this SHA-256 hash of a sensor that is not deleted, at `now`. One index probe
 * (sensor_credentials_token_hash_idx); revocation and expiry are decided in SQL, so a cached "no" is never needed.
 */
export async function findActiveCredentialByHash(
  db: Queryable,
  hash: string,
  now: Date,
): Promise<{ sensorId: string; credentialId: string; expiresAt: Date | null } | undefined> {
  const [row] = await db
    .select({ sensorId: sensors.id, credentialId: sensorCredentials.id, expiresAt: sensorCredentials.expiresAt })
    .from(sensorCredentials)
    .innerJoin(sensors, eq(sensors.id, sensorCredentials.sensorId))
    .where(and(eq(sensorCredentials.tokenHash, hash), isNull(sensors.deletedAt), credentialLiveAt(now)))
    .limit(1);
  return row;
}

// --- conversion profiles (rows are only ever inserted) ---

/** The next version of the sensor. Only safe while the sensor row is locked: that lock serialises assignment. */
export async function nextProfileVersion(db: Queryable, sensorId: string): Promise<number> {
  const [row] = await db.select({ n: max(conversionProfiles.version) }).from(conversionProfiles).where(eq(conversionProfiles.sensorId, sensorId));
  return (row?.n ?? 0) + 1;
}

export async function insertProfile(db: Queryable, values: { sensorId: string; version: number; spec: ConversionSpec; createdBy: string }) {
  const [row] = await db
    .insert(conversionProfiles)
    .values(values)
    .returning({ version: conversionProfiles.version, spec: conversionProfiles.spec, createdAt: conversionProfiles.createdAt });
  return row!;
}

export async function findProfile(db: Queryable, { sensorId, version }: { sensorId: string; version: number }) {
  const [row] = await db
    .select({ version: conversionProfiles.version, spec: conversionProfiles.spec, createdAt: conversionProfiles.createdAt })
    .from(conversionProfiles)
    .where(and(eq(conversionProfiles.sensorId, sensorId), eq(conversionProfiles.version, version)))
    .limit(1);
  return row;
}

export async function listProfiles(db: Queryable, sensorId: string) {
  return db
    .select({ version: conversionProfiles.version, spec: conversionProfiles.spec, createdAt: conversionProfiles.createdAt })
    .from(conversionProfiles)
    .where(eq(conversionProfiles.sensorId, sensorId))
    .orderBy(desc(conversionProfiles.version));
}

export async function countSensorProjects(db: Queryable, sensorId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sensorProjects).where(eq(sensorProjects.sensorId, sensorId));
  return row?.n ?? 0;
}
