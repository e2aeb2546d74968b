// One webhook POST on node:http(s): a timeout, no redirects followed, the response body drained and ignored. Unless
// private targets are allowed, the address is checked in the connection's own DNS lookup, so a name cannot resolve
// to a public address for the check and to an internal one for the connection.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPrivateAddress } from "./address";

export class TargetRefusedError extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new TargetRefusedError(`${hostname} resolves to a private address (${refused.address})`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

export interface SendResult {
  status: number | null;
  error: string | null;
}

export function postWebhook(url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: null, error: "The endpoint URL is not valid." });
    }
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivateTargets && net.isIP(host) && isPrivateAddress(host)) {
      return resolve({ status: null, error: `${host} is a private address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it.` });
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
      timeout: options.timeoutMs,
      ...(options.allowPrivateTargets ? {} : { lookup: guardedLookup as unknown as typeof dns.lookup }),
    });
    request.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? null, error: null });
    });
    request.on("timeout", () => request.destroy(new Error(`No answer within ${options.timeoutMs} ms.`)));
    request.on("error", (error) => {
      const hint = error instanceof TargetRefusedError ? "; set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it." : "";
      resolve({ status: null, error: `${error.message}${hint}` });
    });
    request.end(body);
  });
}
