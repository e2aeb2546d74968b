// One webhook POST on node:http(s): a timeout, no redirects followed, the response body drained and ignored. Unless
// private targets are allowed, the address is checked in the connection's own DNS lookup, so a name cannot resolve
// to a public address for the check and to an internal one for the connection.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

const PRIVATE = new net.BlockList();
for (const [network, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16]] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::", 127], ["fc00::", 7], ["fe80::", 10]] as const) PRIVATE.addSubnet(network, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  return PRIVATE.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

/**
 * What can be told about a URL without DNS: its host is a private IP literal or a localhost name. Used to refuse such an
 * endpoint when it is saved; a name that resolves to a private address is refused at delivery time.
 */
export function isPrivateHost(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return net.isIP(host) !== 0 && isPrivateAddress(host);
}

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
