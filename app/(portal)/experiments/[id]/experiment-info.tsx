// Everything recorded about an experiment, read-only.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/app-router";
import { CodeBlock, DetailList, TagList } from "../../../_components/detail-list";
import { DateTime } from "../date-time";
import { runCountsSummary } from "../experiment-format";

export type ExperimentDetails = inferRouterOutputs<AppRouter>["experiment"]["byId"];

export function ExperimentInfo({ experiment }: { experiment: ExperimentDetails }) {
  const hasMetadata = Object.keys(experiment.metadata).length > 0;
  return (
    <section className="card" aria-labelledby="experiment-details-heading">
      <h2 id="experiment-details-heading">Details</h2>
      <DetailList testId="experiment-details">
        <dt className="muted">Description</dt>
        <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{experiment.description || <span className="muted">No description</span>}</dd>
        <dt className="muted">Type</dt>
        <dd style={{ margin: 0 }}>{experiment.type}</dd>
        <dt className="muted">Tags</dt>
        <dd style={{ margin: 0 }}>
          <TagList tags={experiment.tags} empty="No tags" />
        </dd>
        <dt className="muted">Runs</dt>
        <dd style={{ margin: 0 }}>{runCountsSummary(experiment.runCounts)}</dd>
        <dt className="muted">Created</dt>
        <dd style={{ margin: 0 }}>
          <DateTime value={experiment.createdAt} full />
        </dd>
        <dt className="muted">Updated</dt>
        <dd style={{ margin: 0 }}>
          <DateTime value={experiment.updatedAt} full />
        </dd>
        <dt className="muted">Metadata</dt>
        <dd style={{ margin: 0, minWidth: 0 }}>
          {hasMetadata ? (
            <CodeBlock testId="experiment-metadata">{JSON.stringify(experiment.metadata, null, 2)}</CodeBlock>
          ) : (
            <span className="muted">No metadata</span>
          )}
        </dd>
      </DetailList>
    </section>
  );
}
