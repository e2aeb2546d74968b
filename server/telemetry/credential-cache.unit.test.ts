import { describe, expect, it } from "vitest";
import { createCredentialCache, type CachedCredential } from "./credential-cache";

const T0 = new Date("2026-11-27T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

function cacheWith(rows: Record<string, CachedCredential>, ttlMs = 5000, maxEntries = 100) {
  const calls: string[] = [];
  const cache = createCredentialCache({ ttlMs, maxEntries, lookup: async (hash) => (calls.push(hash), rows[hash]) });
  return { cache, calls };
}

describe("credential cache", () => {
  const live: CachedCredential = { sensorId: "s1", credentialId: "c1", expiresAt: null };

  it("serves hits from memory within the TTL and looks up again after it", async () => {
    const { cache, calls } = cacheWith({ h: live });
    expect(await cache.resolve("h", T0)).toEqual(live);
    expect(await cache.resolve("h", later(4999))).toEqual(live);
    expect(calls).toEqual(["h"]);
    await cache.resolve("h", later(5000));
    expect(calls).toEqual(["h", "h"]);
  });

  it("refuses a cached credential once its grace-period expiry has passed, without waiting for the TTL", async () => {
    const graced = { ...live, expiresAt: later(1000) };
    const { cache } = cacheWith({ h: graced }, 60_000);
    expect(await cache.resolve("h", T0)).toEqual(graced);
    expect(await cache.resolve("h", later(1000))).toBeNull();
  });

  it("does not cache misses, and evict / clear drop entries", async () => {
    const rows: Record<string, CachedCredential> = {};
    const { cache, calls } = cacheWith(rows);
    expect(await cache.resolve("h", T0)).toBeNull();
    rows.h = live;
    expect(await cache.resolve("h", T0)).toEqual(live);
    delete rows.h;
    cache.evict("h");
    expect(await cache.resolve("h", T0)).toBeNull();
    expect(calls).toEqual(["h", "h", "h"]);
  });

  it("stays bounded: the oldest entry goes first", async () => {
    const rows = Object.fromEntries(["a", "b", "c"].map((k) => [k, { ...live, credentialId: k }]));
    const { cache, calls } = cacheWith(rows, 5000, 2);
    for (const k of ["a", "b", "c", "b", "a"]) await cache.resolve(k, T0);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
