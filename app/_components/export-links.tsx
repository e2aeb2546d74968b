"use client";
// Download links for the streamed exports; the current filter travels as base64url JSON, the same as in the list's URL.
function encodeFilter(filter: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(filter));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function exportHref(path: string, params: Record<string, string | undefined>, filter: unknown, format: "csv" | "json"): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (filter !== undefined && filter !== null && Object.keys(filter).length > 0) query.set("filter", encodeFilter(filter));
  return `${path}?${query}`;
}

interface ExportLinksProps {
  path: "/api/v1/export/experiments" | "/api/v1/export/runs";
  params: Record<string, string | undefined>;
  filter?: unknown;
  testIdPrefix: string;
}

export function ExportLinks({ path, params, filter, testIdPrefix }: ExportLinksProps) {
  return (
    <span className="row" aria-label="Export">
      <a className="btn btn-small" href={exportHref(path, params, filter, "csv")} download data-testid={`${testIdPrefix}-csv`}>
        Export CSV
      </a>
      <a className="btn btn-small" href={exportHref(path, params, filter, "json")} download data-testid={`${testIdPrefix}-json`}>
        Export JSON
      </a>
    </span>
  );
}
