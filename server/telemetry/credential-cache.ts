// Bearer-token lookups for ingest, cached per process for a few seconds so a sensor posting 50 batches/s does not
// cost 50 credential queries/s. Revocation and rotation still cut a token off at once: they NOTIFY the token hash on
// CREDENTIALS_CHANNEL and every process evicts it; a cached expiry (rotation grace) is checked on every hit.
import type postgres from "postgres";
import { CREDENTIALS_CHANNEL } from "../../db/queries/telemetry-notify";
import { isCredentialActive } from "../../domain/sensor/token";

export interface CachedCredential {
  sensorId: string;
  credentialId: string;
  expiresAt: Date | null;
}

export type CredentialLookup = (hash: string, now: Date) => Promise<CachedCredential | undefined>;

export interface CredentialCacheOptions {
  lookup: CredentialLookup;
  ttlMs?: number;
  maxEntries?: number;
}

export interface CredentialCache {
  resolve(hash: string, now?: Date): Promise<CachedCredential | null>;
  evict(hash: string): void;
  clear(): void;
  /** Subscribes to credential changes on the process's LISTEN connection; resolves once listening. */
  listen(sql: postgres.Sql): Promise<void>;
  close(): Promise<void>;
}

export const CREDENTIAL_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export function createCredentialCache({ lookup, ttlMs = CREDENTIAL_CACHE_TTL_MS, maxEntries = MAX_ENTRIES }: CredentialCacheOptions): CredentialCache {
  // Map keeps insertion order: deleting the oldest key bounds memory without an LRU library.
  const entries = new Map<string, { credential: CachedCredential; until: number }>();
  let unlisten: (() => Promise<void>) | null = null;
  // Bumped on every change notice: a lookup that raced a revocation must not cache what it read before the change.
  let epoch = 0;
  const forget = (hash?: string) => {
    epoch++;
    if (hash === undefined) entries.clear();
    else entries.delete(hash);
  };

  return {
    async resolve(hash, now = new Date()) {
      const hit = entries.get(hash);
      if (hit && hit.until > now.getTime()) {
        if (isCredentialActive({ revokedAt: null, expiresAt: hit.credential.expiresAt }, now)) return hit.credential;
        entries.delete(hash);
        return null;
      }
      const startedAt = epoch;
      const credential = await lookup(hash, now);
      if (!credential) return null;
      if (startedAt !== epoch) return credential;
      entries.delete(hash);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(hash, { credential, until: now.getTime() + ttlMs });
      return credential;
    },
    evict: (hash) => forget(hash),
    clear: () => forget(),
    async listen(sql) {
      // onlisten runs on every (re)connect of the LISTEN connection: notices may have been missed, so start clean.
      const sub = await sql.listen(CREDENTIALS_CHANNEL, (hash) => forget(hash), () => forget());
      unlisten = sub.unlisten;
    },
    async close() {
      // At shutdown the LISTEN connection may already be closing; a failed UNLISTEN changes nothing then.
      await unlisten?.().catch(() => {});
      unlisten = null;
      entries.clear();
    },
  };
}
