// `npm run db:seed`: writes the demo user, project, experiment and run into DATABASE_URL if they are not there yet.
import path from "node:path";
import { createDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "./lib/seed-demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL server to seed. (npm start seeds the embedded server itself.)");
  process.exit(2);
}
await runMigrations(url);
const handle = createDb(url, { max: 2 });
const demo = await seedDemo(handle.db, path.resolve(process.env.DATA_DIR || ".data"));
await handle.close();
console.log(demo ? `Demo ready: ${demo.email} / ${demo.password}` : "The demo user exists already; its password is in DATA_DIR/demo.json where it was first seeded.");
