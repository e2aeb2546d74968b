// Pure helpers for the audit page: date-input conversion and id shortening.

/** "2025-03-01T14:05" (local wall time, as a datetime-local input holds it) → ISO string; "" when empty or invalid. */
export function localInputToIso(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** ISO string → the local wall time a datetime-local input expects; "" when empty or invalid. */
export function isoToLocalInput(iso: string): string {
  const date = parseIso(iso);
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 && date.getMilliseconds() === 0 ? base : `${base}:${pad(date.getSeconds())}`;
}

/** A Date from an ISO string found in the URL, or undefined when absent or unparseable. */
export function parseIso(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function shortId(id: string, keep = 8): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}
