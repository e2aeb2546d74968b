// A freshly migrated database for the calling test file, dropped when the file ends.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type DbHandle } from "../db/client";
import { recreateDatabase, withDatabase } from "./pg-admin";

export interface TestDatabase extends DbHandle {
  url: string;
}

export function useTestDatabase(): TestDatabase {
  const adminUrl = inject("pgAdminUrl");
  const name = `etp_test_${randomBytes(6).toString("hex")}`;
  const url = withDatabase(adminUrl, name);
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    await recreateDatabase(adminUrl, name, { template: inject("pgTemplateDb") });
    Object.assign(holder, createDb(url, { max: 10 }), { url });
  });
  afterAll(async () => {
    await holder.close?.();
    await recreateDatabase(adminUrl, name, { dropOnly: true });
  });
  return holder;
}
