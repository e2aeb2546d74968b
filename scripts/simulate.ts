// `npm run simulate -- --token etp_… [--rate 100] [--url http://localhost:3000] [--run <id>] [--session <id>]`
import { parseArgs } from "node:util";
import { startSimulator } from "./lib/simulator";

const { values } = parseArgs({
  options: {
    token: { type: "string" },
    rate: { type: "string", default: "100" },
    interval: { type: "string", default: "1000" },
    url: { type: "string", default: process.env.SIMULATE_URL || `http://localhost:${process.env.PORT || 3000}` },
    run: { type: "string" },
    session: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const token = values.token || process.env.SENSOR_TOKEN;
const rate = Number(values.rate);
const intervalMs = Number(values.interval);
if (!token) fail("Pass the sensor's ingest token: --token etp_… (or set SENSOR_TOKEN).");
if (!Number.isFinite(rate) || rate <= 0 || rate > 100_000) fail("--rate must be a number of readings per second between 1 and 100000.");
if (!Number.isFinite(intervalMs) || intervalMs < 10) fail("--interval must be at least 10 (ms).");

console.log(`[simulate] ${rate} readings/s to ${values.url} every ${intervalMs} ms — Ctrl-C to stop`);
const simulator = startSimulator({
  url: values.url,
  token: token!,
  rate,
  intervalMs,
  runId: values.run,
  captureSessionId: values.session,
  onBatch: (result) => {
    if (values.quiet && result.status === 202) return;
    const detail = result.status === 202 ? JSON.stringify(result.body) : `${JSON.stringify(result.body ?? "")} (will retry)`;
    console.log(`[simulate] ${result.readings} readings → ${result.status} ${detail}`);
  },
});
process.on("SIGINT", () => {
  simulator.stop();
  process.exit(0);
});

function fail(message: string): never {
  console.error(`[simulate] ${message}`);
  process.exit(2);
}
