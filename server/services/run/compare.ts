// Side-by-side comparison of 2–10 runs: which params and metadata keys exist, and which of them differ.
import type { CompareRunsInput } from "../../../contracts/run";
import { countSessionsByRun } from "../../../db/queries/capture-sessions";
import { findRunsInProject } from "../../../db/queries/runs";
import { DomainError } from "../../../domain/errors";
import type { ProjectContext } from "../context";
import { toRunItem, uniqueIds, type RunItem } from "./view";

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal; a missing key is distinct from any value. */
function canonical(value: unknown): string {
  if (value === undefined) return "<missing>";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const allKeys = (records: Record<string, unknown>[]) => [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
const differs = (values: unknown[]) => new Set(values.map(canonical)).size > 1;

export function compareItems(runs: RunItem[]) {
  const paramKeys = allKeys(runs.map((r) => r.params));
  const metadataKeys = allKeys(runs.map((r) => r.metadata));
  return {
    runs,
    paramKeys,
    metadataKeys,
    differing: {
      params: paramKeys.filter((k) => differs(runs.map((r) => r.params[k]))),
      metadata: metadataKeys.filter((k) => differs(runs.map((r) => r.metadata[k]))),
      tags: differs(runs.map((r) => [...r.tags].sort())),
      status: differs(runs.map((r) => r.status)),
    },
  };
}

export async function compare(ctx: ProjectContext, input: CompareRunsInput) {
  const ids = uniqueIds(input.ids);
  if (ids.length < 2) throw new DomainError("BAD_INPUT", "Pick at least 2 different runs.", { fieldErrors: { ids: ["Pick at least 2 different runs"] } });
  const rows = await findRunsInProject(ctx.db, { projectId: ctx.project.id, runIds: ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new DomainError("NOT_FOUND", `Runs not found: ${missing.join(", ")}.`, { missing });
  const counts = await countSessionsByRun(ctx.db, ids);
  const now = new Date();
  return compareItems(ids.map((id) => toRunItem(byId.get(id)!, counts.get(id) ?? 0, now)));
}
