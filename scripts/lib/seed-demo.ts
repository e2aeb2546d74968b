// First-start demo: a user, a project, an experiment and a run, written with their audit events, plus the telemetry
// demo (seed-demo-telemetry.ts). The credentials and sensor tokens go to <stateDir>/demo.json so later starts can use them.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db/client";
import { experiments, runs } from "../../db/schema";
import { findProject } from "../../db/queries/projects";
import { findUserByEmail } from "../../db/queries/users";
import { recordAudit } from "../../server/audit";
import { signUp } from "../../server/services/account";
import { create as createProject } from "../../server/services/project";
import type { SessionUser } from "../../server/auth/session-user";
import { seedDemoTelemetry, type DemoTelemetry } from "./seed-demo-telemetry";

export const DEMO_EMAIL = "demo@example.com";

export interface DemoInfo {
  email: string;
  password: string;
  projectId: string;
  experimentId: string;
  runId: string;
  /** Missing in demo.json files written before telemetry existed; added on the next start. */
  telemetry?: DemoTelemetry;
}

export function readDemoInfo(stateDir: string): DemoInfo | null {
  const file = path.join(stateDir, "demo.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as DemoInfo) : null;
}

function writeDemoInfo(stateDir: string, info: DemoInfo): void {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(path.join(stateDir, "demo.json"), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** An older demo without sensors gets them, as long as its run is still a draft (nobody has used it yet). */
async function addTelemetryToDemo(db: Db, stateDir: string, user: SessionUser): Promise<DemoInfo | null> {
  const info = readDemoInfo(stateDir);
  if (!info || info.telemetry) return info;
  const project = await findProject(db, info.projectId);
  if (!project) return info;
  const [run] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, info.runId));
  if (run?.status !== "draft") return info;
  const upgraded = { ...info, telemetry: await seedDemoTelemetry(db, user, project, info.runId) };
  writeDemoInfo(stateDir, upgraded);
  return upgraded;
}

/** Seeds once per database: when the demo user exists already, only the telemetry demo may be added. */
export async function seedDemo(db: Db, stateDir: string): Promise<DemoInfo | null> {
  const existing = await findUserByEmail(db, DEMO_EMAIL);
  if (existing) {
    const { id, email, name, activeProjectId } = existing;
    return addTelemetryToDemo(db, stateDir, { id, email, name, activeProjectId });
  }
  const requestId = `seed-${randomBytes(4).toString("hex")}`;
  const password = `demo-${randomBytes(5).toString("hex")}-42`;
  const user = await signUp(db, { name: "Demo Scientist", email: DEMO_EMAIL, password }, { requestId });
  const ctx = { db, user, requestId };
  const project = await createProject(ctx, { name: "Demo Lab", description: "A sample project to explore the platform." });
  const { experiment, run } = await db.transaction(async (tx) => {
    const [experiment] = await tx
      .insert(experiments)
      .values({
        projectId: project.id,
        name: "Thermal drift study",
        description: "How the bench thermocouples drift over a working day.",
        type: "calibration",
        status: "active",
        tags: ["thermal", "demo"],
        metadata: { bench: "B2", operator: "Demo Scientist" },
        createdBy: user.id,
      })
      .returning();
    const [run] = await tx
      .insert(runs)
      .values({
        projectId: project.id,
        experimentId: experiment!.id,
        name: "Morning baseline",
        status: "draft",
        params: { sample_rate_hz: 10, setpoint_c: 25, shielded: true },
        metadata: { notes: "Seeded demo run" },
        tags: ["baseline"],
        createdBy: user.id,
      })
      .returning();
    const auditCtx = { ...ctx, project: { id: project.id } };
    await recordAudit(tx, auditCtx, { action: "experiment.created", entityType: "experiment", entityId: experiment!.id, after: experiment });
    await recordAudit(tx, auditCtx, { action: "run.created", entityType: "run", entityId: run!.id, after: run });
    return { experiment: experiment!, run: run! };
  });
  const telemetry = await seedDemoTelemetry(db, user, project, run.id);
  const info: DemoInfo = { email: DEMO_EMAIL, password, projectId: project.id, experimentId: experiment.id, runId: run.id, telemetry };
  writeDemoInfo(stateDir, info);
  return info;
}
