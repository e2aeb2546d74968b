// Creating and dropping throwaway databases on the test server.
import postgres from "postgres";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The maintenance database of the server DATABASE_URL points at. */
export function adminUrlFrom(url: string): string {
  return withDatabase(url, "postgres");
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function recreateDatabase(
  adminUrl: string,
  name: string,
  options: { template?: string; dropOnly?: boolean } = {},
): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${quote(name)} with (force)`);
    if (options.dropOnly) return;
    const template = options.template ? ` template ${quote(options.template)}` : "";
    for (let attempt = 1; ; attempt++) {
      try {
        await sql.unsafe(`create database ${quote(name)}${template}`);
        return;
      } catch (error) {
        // Cloning one template from several workers at once can collide; a short retry settles it.
        if (attempt >= 10 || !String(error).includes("being accessed by other users")) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
