// Reads an ingest body within the byte limits: on the wire, and again after gunzip, so a gzip bomb stops at the cap
// instead of expanding in memory. Only JSON is accepted; only identity and gzip encodings.
import type { IncomingMessage } from "node:http";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { DomainError } from "../../../domain/errors";
import type { IngestLimits } from "./limits";

const gunzipAsync = promisify(gunzip);

const tooLarge = (limit: number, what: string) =>
  new DomainError("PAYLOAD_TOO_LARGE", `The ${what} is over the limit of ${limit} bytes. Send fewer readings per request.`, { limitBytes: limit });

export function assertJsonRequest(req: IncomingMessage): void {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the body as Content-Type: application/json.");
  }
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Content-Encoding must be gzip or absent.");
  }
}

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, "body");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes, "body");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** The body's JSON text as a Buffer, decompressed when gzip. */
export async function readJsonBody(req: IncomingMessage, limits: Pick<IngestLimits, "maxBodyBytes" | "maxDecompressedBytes">): Promise<Buffer> {
  const raw = await readRaw(req, limits.maxBodyBytes);
  if ((req.headers["content-encoding"] ?? "").trim().toLowerCase() !== "gzip") return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: limits.maxDecompressedBytes });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limits.maxDecompressedBytes, "decompressed body");
    throw new DomainError("BAD_INPUT", "The body is not valid gzip.");
  }
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new DomainError("BAD_INPUT", `Malformed JSON: ${(error as Error).message}`, { fieldErrors: { _: ["Malformed JSON"] } });
  }
}
