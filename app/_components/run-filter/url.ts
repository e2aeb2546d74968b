// The applied run filter as URL text: base64url of its JSON (?filter=…), so a filtered view can be shared.
// Decoding validates with the contract; anything malformed or invalid reads as "no filter".
// Relative imports: this module is unit-tested.
import { runFilterSchema } from "../../../contracts/run-filter";
import type { RunFilter } from "../../../domain/run/filter";

/** Longer URL values are refused outright rather than parsed. */
export const MAX_FILTER_PARAM_LENGTH = 8000;

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("Not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Dates become ISO strings, which `decodeRunFilter` reads back as dates. */
export function encodeRunFilter(filter: RunFilter): string {
  return toBase64Url(JSON.stringify(filter));
}

export function decodeRunFilter(text: string | null | undefined): RunFilter | undefined {
  if (!text || text.length > MAX_FILTER_PARAM_LENGTH) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(text));
  } catch {
    return undefined;
  }
  const result = runFilterSchema.safeParse(json);
  return result.success ? result.data : undefined;
}
