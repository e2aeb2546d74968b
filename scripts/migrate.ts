// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the app also does this at startup).
import { runMigrations } from "../db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL server to migrate. (npm start migrates the embedded server itself.)");
  process.exit(2);
}
await runMigrations(url);
console.log("Migrations applied.");
