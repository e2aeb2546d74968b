// .env.example must list every setting the platform reads, so an operator can find each one (with its comment) there.
// The benchmarks and the simulator are tools with their own settings, documented in docs/benchmarks.md and the README.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const PLATFORM = ["app", "server", "db", "domain", "contracts", "scripts", "proxy.ts", "next.config.mjs", "drizzle.config.ts"];
const TOOLS = [/^scripts\/bench\//, /^scripts\/simulate\.ts$/, /\.test\.ts$/];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx|mjs)$/.test(file))
    .map((file) => path.join(entry, file));
}

function settingsRead(): Map<string, string> {
  const firstReader = new Map<string, string>();
  for (const file of PLATFORM.flatMap(sourceFiles)) {
    if (TOOLS.some((tool) => tool.test(file))) continue;
    for (const [, name] of fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) {
      if (!firstReader.has(name!)) firstReader.set(name!, file);
    }
  }
  return firstReader;
}

describe(".env.example", () => {
  const listed = new Set([...fs.readFileSync(path.join(ROOT, ".env.example"), "utf8").matchAll(/^(?:# ?)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it("lists every setting the platform reads", () => {
    const read = settingsRead();
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter(([name]) => !listed.has(name)).map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it("explains every setting in a comment above it (settings in one block may share it)", () => {
    const lines = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8").split("\n");
    const isSetting = (line: string) => /^(?:# ?)?[A-Z][A-Z0-9_]*=/.test(line);
    const commentAbove = (i: number): boolean => {
      let j = i - 1;
      while (j >= 0 && isSetting(lines[j]!)) j--;
      return j >= 0 && /^# ?\S/.test(lines[j]!) && !lines[j]!.startsWith("# ---");
    };
    const unexplained = lines.filter((line, i) => isSetting(line) && !commentAbove(i));
    expect(unexplained).toEqual([]);
  });
});
