// Axis labels of the history charts: wall-clock time, or time since the session start (h:mm:ss, with ms when zoomed in).
export function formatOffset(ms: number, spanMs: number): string {
  const sign = ms < 0 ? "−" : "+";
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const frac = spanMs < 10_000 ? `.${String(Math.floor(abs % 1000)).padStart(3, "0")}` : "";
  const mmss = `${String(m).padStart(h ? 2 : 1, "0")}:${String(s).padStart(2, "0")}${frac}`;
  return `${sign}${h ? `${h}:` : ""}${mmss}`;
}

export function formatClock(t: number, spanMs: number): string {
  const d = new Date(t);
  const time = d.toLocaleTimeString(undefined, { hour12: false, ...(spanMs < 10_000 ? { fractionalSecondDigits: 3 } : {}) });
  return spanMs > 86_400_000 ? `${d.toLocaleDateString()} ${time}` : time;
}

export function describeResolution(source: string, bucketMs: number | null): string {
  if (source === "points" || bucketMs === null) return "raw readings";
  const width = bucketMs >= 60_000 ? `${bucketMs / 60_000} min` : bucketMs >= 1000 ? `${bucketMs / 1000} s` : `${bucketMs} ms`;
  return `min/max/avg per ${width}`;
}
