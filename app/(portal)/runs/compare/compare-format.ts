// Pure helpers for the compare page: reading ?project=&ids= and laying the comparison out as rows.
// Relative imports: this module is unit-tested.
import { idSchema } from "../../../../contracts/common";
import { compareRunsInput } from "../../../../contracts/run";
import { formatElapsed } from "../../../_lib/duration";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 10;

export type CompareParams = { ok: true; projectId: string; ids: string[] } | { ok: false; problems: string[] };

/** The project and run ids of the URL, or every reason they cannot be compared (one sentence each). */
export function parseCompareParams(project: string | undefined, idsText: string | undefined): CompareParams {
  const projectId = project?.trim() ?? "";
  const ids = [...new Set((idsText ?? "").split(",").map((id) => id.trim()).filter((id) => id !== ""))];
  const problems: string[] = [];
  if (!projectId) problems.push("The link does not say which project the runs are in (?project=…).");
  else if (!idSchema.safeParse(projectId).success) problems.push(`“${projectId.slice(0, 60)}” is not a valid project id.`);
  if (ids.length < MIN_COMPARE) problems.push(`Pick at least ${MIN_COMPARE} different runs to compare; this link has ${ids.length}.`);
  if (ids.length > MAX_COMPARE) problems.push(`Compare at most ${MAX_COMPARE} runs at a time; this link has ${ids.length}.`);
  const invalid = ids.filter((id) => !idSchema.safeParse(id).success);
  if (invalid.length > 0) problems.push(`Not valid run ids: ${invalid.map((id) => `“${id.slice(0, 60)}”`).join(", ")}.`);
  if (problems.length > 0) return { ok: false, problems };
  // The contract decides in the end, so the page never sends what the server would refuse.
  const parsed = compareRunsInput.safeParse({ projectId, ids });
  return parsed.success ? { ok: true, ...parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

export interface ComparedRun {
  status: string;
  durationMs: number | null;
  tags: string[];
  params: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface Comparison {
  runs: ComparedRun[];
  paramKeys: string[];
  metadataKeys: string[];
  differing: { params: string[]; metadata: string[]; tags: boolean; status: boolean };
}

export interface CompareRow {
  /** Unique across sections: "status", "param:lr", "metadata:operator". */
  id: string;
  section: "run" | "params" | "metadata";
  label: string;
  /** One per run, in the runs' order; null where the run has no such key. */
  cells: (string | null)[];
  differs: boolean;
}

const bare = (value: unknown) => (value === undefined ? null : typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));
const json = (value: unknown) => (value === undefined ? null : (JSON.stringify(value) ?? String(value)));

/** Strings show bare; when that would hide the difference ("1" against 1), the whole row shows as JSON. */
function valueCells(values: unknown[], differs: boolean): (string | null)[] {
  const cells = values.map(bare);
  return differs && new Set(cells).size === 1 ? values.map(json) : cells;
}

function valueRows(section: "params" | "metadata", keys: string[], differing: string[], records: Record<string, unknown>[]): CompareRow[] {
  const prefix = section === "params" ? "param" : "metadata";
  return keys.map((key) => {
    const differs = differing.includes(key);
    return { id: `${prefix}:${key}`, section, label: key, cells: valueCells(records.map((r) => r[key]), differs), differs };
  });
}

/** Status, duration and tags, then one row per param key and per metadata key, each marked when its runs differ. */
export function compareRows({ runs, paramKeys, metadataKeys, differing }: Comparison): CompareRow[] {
  const durations = runs.map((r) => formatElapsed(r.durationMs));
  return [
    { id: "status", section: "run", label: "Status", cells: runs.map((r) => r.status), differs: differing.status },
    { id: "duration", section: "run", label: "Duration", cells: durations, differs: new Set(durations).size > 1 },
    { id: "tags", section: "run", label: "Tags", cells: runs.map((r) => r.tags.join(", ")), differs: differing.tags },
    ...valueRows("params", paramKeys, differing.params, runs.map((r) => r.params)),
    ...valueRows("metadata", metadataKeys, differing.metadata, runs.map((r) => r.metadata)),
  ];
}
