"use client";
// One run in the table: its checkbox, name (to the run page), status, live duration, tags, sessions, dates and the
// param columns the user picked.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/trpc/app-router";
import { TagList } from "../../../_components/detail-list";
import { StatusBadge } from "../../../_components/status-badge";
import { DateTime } from "../date-time";
import { RunDuration } from "./runs-duration";
import { paramText } from "./runs-format";

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
        <StatusBadge status={run.status} testId="run-status" />
      </td>
      <td>
        <RunDuration status={run.status} startedAt={run.startedAt} finishedAt={run.finishedAt} durationMs={run.durationMs} />
      </td>
      <td>
        <TagList tags={run.tags} empty="—" />
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
