// AUTH_SECRET: taken from the environment; generated once and kept under the state dir for local runs;
// required explicitly in production, where a secret that silently changes would sign everyone out.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function resolveAuthSecret(options: { env: Record<string, string | undefined>; stateDir: string; production: boolean }): string {
  const fromEnv = options.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (options.production) {
    throw new Error(
      "AUTH_SECRET is not set. In production (NODE_ENV=production with DATABASE_URL) it must be configured: " +
        "generate one with `openssl rand -base64 32` and set it in the environment of every app instance.",
    );
  }
  const file = path.join(options.stateDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(options.stateDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
