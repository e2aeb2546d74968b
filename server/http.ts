// Helpers for plain route handlers: bounded JSON bodies and the client address.
import { DomainError } from "../domain/errors";

export const MAX_JSON_BODY_BYTES = Number(process.env.MAX_BODY_BYTES || 1_048_576);

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("BAD_INPUT", "The body is not valid JSON.");
  }
}

export async function readLimited(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError("PAYLOAD_TOO_LARGE", `The body is larger than the limit of ${maxBytes} bytes.`, { maxBytes });
}

export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * Behind a reverse proxy the first X-Forwarded-For entry is the client; set TRUST_PROXY=false when nothing sets it.
 * Without those headers it is the socket's address where the caller has one (the node:http server), else "direct".
 */
export function clientAddress(headers: HeaderSource, socketAddress?: string): string {
  const fallback = socketAddress || "direct";
  if (process.env.TRUST_PROXY === "false") return fallback;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || fallback;
}
