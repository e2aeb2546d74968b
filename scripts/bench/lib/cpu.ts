// CPU seconds used by the platform's server process, by every PostgreSQL process and by the load generator itself,
// read from /proc (Linux). Per phase, divided by its requests, this says which of the three a latency came from.
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  try {
    // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function postgresPids(): number[] {
  if (!fs.existsSync("/proc")) return [];
  return fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
    } catch {
      return false;
    }
  });
}

export interface CpuSample { server: number; postgres: number; loadGenerator: number }

export function sampleCpu(serverPid: number | undefined): CpuSample {
  const own = process.cpuUsage();
  return {
    server: serverPid ? processCpuSeconds(serverPid) : 0,
    // Backends come and go; a pool keeps its connections, so over one phase the sum is what that phase cost.
    postgres: postgresPids().reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    loadGenerator: (own.user + own.system) / 1e6,
  };
}

/** Milliseconds of CPU per request between two samples, per consumer. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuSample {
  const per = (key: keyof CpuSample) => Math.round(((after[key] - before[key]) * 1000 * 10) / Math.max(1, requests)) / 10;
  return { server: per("server"), postgres: per("postgres"), loadGenerator: per("loadGenerator") };
}
