// "Is there a current build?": the build is current when it is newer than every source file that goes into it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "domain", "contracts", "db", "proxy.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function isBuildCurrent(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt);
}

export function buildIfNeeded(root: string, log: (line: string) => void): void {
  if (isBuildCurrent(root)) return;
  log("Building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("`next build` failed; see the output above.");
}

export function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}
