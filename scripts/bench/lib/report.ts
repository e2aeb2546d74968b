// Keeps docs/benchmarks.md: one section per benchmark, replaced by the latest run.
import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve("docs/benchmarks.md");
const HEADER = "# Benchmarks\n\nLatest results of `npm run bench:*` on the development machine (2 vCPU, shared). Regenerate with `npm run bench:<name> -- --write`.\n";

interface Cpu { server: number; postgres: number; loadGenerator: number }
interface Row { p50: number; p95: number; p99: number; errors: number; sent: number; cpuMs?: Cpu; slowestSecond?: { at: number; maxMs: number } }

interface ApiSummary {
  at: string;
  data: unknown;
  rate: number;
  seconds: number;
  warmUp: { seconds: number; worstP95: number; cpuMsPerRequest: Cpu };
  mixed: Record<string, Row>;
  mixedCpuMsPerRequest: Cpu;
  fixedRate: Record<string, Row>;
  maxRateUnderTarget: Record<string, number | null>;
  /** The ramp's last step: a rate equal to it means the ceiling lies beyond what was tried. */
  rampTop?: number;
  passMixed: boolean;
  pass: boolean;
  machine: unknown;
}

const cpuText = (c: Cpu) => `${c.server} / ${c.postgres} / ${c.loadGenerator}`;

const table = (results: Record<string, Row>) => {
  const withCpu = Object.values(results).every((r) => r.cpuMs && r.slowestSecond);
  const head = `| operation | requests | p50 ms | p95 ms | p99 ms | errors |${withCpu ? " CPU ms per request: server / PostgreSQL / load generator | slowest answer |" : ""}`;
  const rule = `|---|---|---|---|---|---|${withCpu ? "---|---|" : ""}`;
  const extra = (r: Row) => (withCpu && r.cpuMs && r.slowestSecond ? ` ${cpuText(r.cpuMs)} | ${r.slowestSecond.maxMs} ms in second ${r.slowestSecond.at} |` : "");
  const rows = Object.entries(results).map(([op, r]) => `| ${op} | ${r.sent} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |${extra(r)}`);
  return [head, rule, ...rows].join("\n");
};

export function writeBenchmarkDoc(name: string, summary: ApiSummary): void {
  const ramp = Object.entries(summary.maxRateUnderTarget).map(([op, rate]) => `- ${op}: ${rate === null ? "below 25" : rate === summary.rampTop ? `at least ${rate}` : rate} requests/s`).join("\n");
  const section = `<!-- bench:${name} -->
## \`bench:${name}\` — ${summary.at}

Data: \`${JSON.stringify(summary.data)}\`. Load: open loop, evenly spaced, through the platform's server (\`start.ts --prod\`) with a signed-in cookie. Machine: \`${JSON.stringify(summary.machine)}\`.

**Warm-up** (not judged): the mix at a quarter of the rate for 10 s, then at ${summary.rate} requests/s for ${summary.warmUp.seconds} s; worst p95 ${summary.warmUp.worstP95} ms, CPU ms per request ${cpuText(summary.warmUp.cpuMsPerRequest)} (server / PostgreSQL / load generator).

**Mixed**: all operations in turn, ${summary.rate} requests/s in total for ${summary.seconds} s; CPU ms per request ${cpuText(summary.mixedCpuMsPerRequest)}.

${table(summary.mixed)}

Target p95 < 100 ms with 0 errors, at ${summary.rate} requests/s in total: **${summary.passMixed ? "met" : "not met"}**.

**Each operation alone** at ${summary.rate} requests/s for ${summary.seconds} s, one after another.

${table(summary.fixedRate)}

Target p95 < 100 ms with 0 errors, at ${summary.rate} requests/s per operation: **${summary.pass ? "met" : "not met"}**.

Highest rate with p95 < 100 ms (5 s steps):
${ramp}
<!-- /bench:${name} -->`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : HEADER;
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, next);
}
