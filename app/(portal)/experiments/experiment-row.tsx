// One experiment in the list: name linking to its page, status, tags, a metadata glimpse and its runs.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/trpc/app-router";
import { TagList } from "../../_components/detail-list";
import { StatusBadge } from "../../_components/status-badge";
import { DateTime } from "./date-time";
import { metadataPreview, runCountsSummary } from "./experiment-format";

export type ExperimentListItem = inferRouterOutputs<AppRouter>["experiment"]["list"]["items"][number];

export const EXPERIMENT_COLUMNS = ["Name", "Type", "Status", "Tags", "Metadata", "Runs", "Created", "Updated"] as const;

export function ExperimentRow({ experiment }: { experiment: ExperimentListItem }) {
  const preview = metadataPreview(experiment.metadata);
  return (
    <tr data-testid="experiment-row">
      <td style={{ minWidth: "12rem" }}>
        <Link href={`/experiments/${experiment.id}`}>
          <strong>{experiment.name}</strong>
        </Link>
        {experiment.description ? (
          <div className="muted" style={{ fontSize: "0.85rem", maxWidth: "24rem", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
            {experiment.description}
          </div>
        ) : null}
      </td>
      <td>{experiment.type}</td>
      <td>
        <StatusBadge status={experiment.status} testId="experiment-status" />
      </td>
      <td>
        <TagList tags={experiment.tags} empty="—" />
      </td>
      <td className="mono" style={{ fontSize: "0.8rem" }}>
        {preview.entries.length === 0 ? <span className="muted">—</span> : null}
        {preview.entries.map((entry, index) => (
          <div key={index}>{entry}</div>
        ))}
        {preview.more > 0 ? <div className="muted">+{preview.more} more</div> : null}
      </td>
      <td style={{ whiteSpace: "nowrap" }}>{runCountsSummary(experiment.runCounts)}</td>
      <td>
        <DateTime value={experiment.createdAt} />
      </td>
      <td>
        <DateTime value={experiment.updatedAt} />
      </td>
    </tr>
  );
}
