// The embedded default: data survives a clean stop, and a server orphaned by a killed parent is stopped at the next start.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "etp-embedded-"));
fs.chmodSync(stateDir, 0o755);
let running: EmbeddedServer | undefined;

async function query<T extends object>(url: string, run: (sql: postgres.Sql) => Promise<T[]>): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(stateDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  await running?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", { timeout: 120_000 }, () => {
  it("keeps its data across a clean stop and start", async () => {
    running = await startEmbeddedPostgres(stateDir);
    await query(running.adminUrl, (sql) => sql`create table kept (v text)`);
    await query(running.adminUrl, (sql) => sql`insert into kept values ('still here')`);
    await running.stop();
    running = undefined;

    running = await startEmbeddedPostgres(stateDir);
    const rows = await query<{ v: string }>(running.adminUrl, (sql) => sql`select v from kept`);
    expect(rows.map((r) => r.v)).toEqual(["still here"]);
    await running.stop();
    running = undefined;
  });

  it("stops a server left running by a killed parent, then starts with the same data", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/start-embedded.ts", stateDir], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const orphan = postmasterPid();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(isAlive(orphan)).toBe(true);

    running = await startEmbeddedPostgres(stateDir);
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    const rows = await query<{ v: string }>(running.adminUrl, (sql) => sql`select v from kept`);
    expect(rows.map((r) => r.v)).toEqual(["still here"]);
  });

  it("explains what to do when a parent directory is closed to the postgres user", async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "etp-closed-"));
    fs.chmodSync(closed, 0o700);
    try {
      await expect(startEmbeddedPostgres(path.join(closed, ".data"))).rejects.toThrow(/cannot enter .*chmod o\+x|DATABASE_URL/);
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });
});
