// Durations as text: the human form for tables and details ("5 min 03 s"), the clock form for timers ("00:01:23"),
// and the live value of a duration that is still counting.
// Relative imports only: this module is unit-tested.

const pad = (n: number) => String(n).padStart(2, "0");

/** "42 s", "5 min 03 s", "1 h 02 min", "2 d 03 h"; "—" for a run that never started. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const [minutes, hours, days] = [Math.floor(seconds / 60), Math.floor(seconds / 3600), Math.floor(seconds / 86_400)];
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${minutes} min ${pad(seconds % 60)} s`;
  if (seconds < 86_400) return `${hours} h ${pad(minutes % 60)} min`;
  return `${days} d ${pad(hours % 24)} h`;
}

/**
 * The clock form, "00:01:23"; hours keep counting past 99 ("123:04:05"). Negative or non-finite input shows as zero,
 * `null` (never started) as "—".
 */
export function formatElapsed(ms: number | null): string {
  if (ms === null) return "—";
  const total = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/**
 * A duration the server measured, advanced by the time since it arrived while the thing still runs. Counting from
 * `receivedAt` (the client's clock) instead of `startedAt` (the server's) keeps a skewed client clock out of the timer.
 */
export function liveDurationMs(durationMs: number | null, receivedAt: number, now: number, running: boolean): number | null {
  if (durationMs === null) return null;
  return running ? durationMs + Math.max(0, now - receivedAt) : durationMs;
}
