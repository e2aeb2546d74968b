"use client";
// One run in the table: its checkbox, name (to the run page), status, live duration, tags, sessions, dates and the
// param columns the user picked.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/trpc/app-router";
import { DateTime } from "../date-time";
import { RunDuration } from "./runs-duration";
import { paramText } from "./runs-format";
import { RunStatusBadge } from "./runs-status-badge";

export type RunListItem = inferRouterOutputs<AppRouter>["run"]["list"]["items"][number];

interface Props {
  run: RunListItem;
  columns: readonly string[];
  selected: boolean;
  onSelect: (on: boolean) => void;
}

export function RunRow({ run, columns, selected, onSelect }: Props) {
  return (
    <tr data-testid="run-row" data-run-id={run.id} style={selected ? { background: "var(--accent-weak)" } : undefined}>
      <td>
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${run.name}`} data-testid="run-select" />
      </td>
      <td style={{ minWidth: "10rem", overflowWrap: "anywhere" }}>
        <Link href={`/runs/${run.id}`}>
          <strong>{run.name}</strong>
        </Link>
      </td>
      <td>
        <RunStatusBadge status={run.status} />
      </td>
      <td>
        <RunDuration status={run.status} startedAt={run.startedAt} finishedAt={run.finishedAt} durationMs={run.durationMs} />
      </td>
      <td>
        {run.tags.length > 0 ? (
          <ul className="row" aria-label="Tags" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.25rem" }}>
            {run.tags.map((tag) => (
              <li key={tag} className="badge">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td style={{ textAlign: "right" }} data-testid="run-sessions">
        {run.sessionCount}
      </td>
      <td>{run.startedAt ? <DateTime value={run.startedAt} /> : <span className="muted">—</span>}</td>
      <td>
        <DateTime value={run.createdAt} />
      </td>
      {columns.map((name) => (
        <td key={name} className="mono" data-testid={`run-param-${name}`}>
          {paramText(run.params[name])}
        </td>
      ))}
    </tr>
  );
}
