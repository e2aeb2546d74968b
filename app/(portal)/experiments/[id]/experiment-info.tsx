// Everything recorded about an experiment, read-only.
import type { inferRouterOutputs } from "@trpc/server";
import type { CSSProperties } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { DateTime } from "../date-time";
import { runCountsSummary } from "../experiment-format";

export type ExperimentDetails = inferRouterOutputs<AppRouter>["experiment"]["byId"];

const listStyle: CSSProperties = { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.5rem 1.25rem", margin: 0 };
const preStyle: CSSProperties = {
  margin: 0,
  padding: "0.6rem 0.75rem",
  background: "var(--bg)",
  border: "1px solid var(--border)",
  borderRadius: "var(--radius)",
  fontFamily: "var(--mono)",
  fontSize: "0.8rem",
  maxHeight: "24rem",
  overflow: "auto",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
};

export function ExperimentInfo({ experiment }: { experiment: ExperimentDetails }) {
  const hasMetadata = Object.keys(experiment.metadata).length > 0;
  return (
    <section className="card" aria-labelledby="experiment-details-heading">
      <h2 id="experiment-details-heading">Details</h2>
      <dl style={listStyle} data-testid="experiment-details">
        <dt className="muted">Description</dt>
        <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{experiment.description || <span className="muted">No description</span>}</dd>
        <dt className="muted">Type</dt>
        <dd style={{ margin: 0 }}>{experiment.type}</dd>
        <dt className="muted">Tags</dt>
        <dd style={{ margin: 0 }}>
          {experiment.tags.length > 0 ? (
            <ul className="row" aria-label="Tags" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.25rem" }}>
              {experiment.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">No tags</span>
          )}
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
            <pre style={preStyle} data-testid="experiment-metadata">
              {JSON.stringify(experiment.metadata, null, 2)}
            </pre>
          ) : (
            <span className="muted">No metadata</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
