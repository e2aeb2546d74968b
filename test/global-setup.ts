// Once per `vitest run`: find a PostgreSQL (DATABASE_URL, else an embedded server) and migrate a template database
// that every test file clones, so each file gets a fresh, fully migrated database in milliseconds.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { adminUrlFrom, recreateDatabase, withDatabase } from "./pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
  }
}

let embedded: EmbeddedServer | undefined;

export async function setup(project: TestProject) {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = adminUrlFrom(process.env.DATABASE_URL);
  } else {
    embedded = await startEmbeddedPostgres(path.resolve(".data/test-pg"));
    adminUrl = embedded.adminUrl;
  }
  const template = `etp_template_${process.pid}`;
  await recreateDatabase(adminUrl, template);
  await runMigrations(withDatabase(adminUrl, template));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplateDb", template);
  return async () => {
    await recreateDatabase(adminUrl, template, { dropOnly: true });
    await embedded?.stop();
  };
}
