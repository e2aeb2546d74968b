// Every limit of POST /api/v1/telemetry in one place (documented in docs/api.md); each can be overridden by env.

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export interface IngestLimits {
  /** Bytes on the wire (after any gzip). */
  maxBodyBytes: number;
  /** Bytes of JSON after gunzip: a small gzip body can expand a thousandfold. */
  maxDecompressedBytes: number;
  /** Sustained requests per second per token, and the burst allowed on top within 10 s. */
  ratePerSecond: number;
  burstPerTenSeconds: number;
}

export function ingestLimitsFromEnv(): IngestLimits {
  const maxBodyBytes = envInt("TELEMETRY_MAX_BODY_BYTES", 5 * 1024 * 1024);
  const ratePerSecond = envInt("TELEMETRY_RATE_LIMIT_PER_SECOND", 50);
  return {
    maxBodyBytes,
    maxDecompressedBytes: envInt("TELEMETRY_MAX_DECOMPRESSED_BYTES", maxBodyBytes),
    ratePerSecond,
    burstPerTenSeconds: envInt("TELEMETRY_RATE_LIMIT_BURST", ratePerSecond * 2),
  };
}
