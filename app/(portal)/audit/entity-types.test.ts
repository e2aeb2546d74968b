// The audit page's entity-type filter must offer every entity type the server records, or those events can only be
// found without a filter.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "./use-audit-filters";

const SERVER = path.resolve(import.meta.dirname, "../../../server");

describe("audit entity-type filter", () => {
  it("lists every entity type the server writes to the audit trail", () => {
    const recorded = new Set<string>();
    for (const file of fs.readdirSync(SERVER, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.includes(".test.")) continue;
      for (const [, type] of fs.readFileSync(path.join(SERVER, file), "utf8").matchAll(/entityType: "([a-z_]+)"/g)) recorded.add(type!);
    }
    expect(recorded.size).toBeGreaterThan(5);
    expect([...recorded].filter((type) => !(ENTITY_TYPES as readonly string[]).includes(type)).sort()).toEqual([]);
  });
});
