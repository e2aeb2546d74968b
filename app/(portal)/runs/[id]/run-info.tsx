"use client";
// Everything recorded about a run, read-only: timing (the duration counts up while it runs), tags, params, metadata.
import type { CSSProperties } from "react";
import { CodeBlock, DetailList, TagList } from "../../../_components/detail-list";
import { formatElapsed, liveDurationMs } from "../../../_lib/duration";
import { prettyJson } from "../../../_lib/json";
import { useNow } from "../../../_lib/use-now";
import { DateTime } from "../../experiments/date-time";
import type { RunDetails } from "./run-detail";

const dd: CSSProperties = { margin: 0, minWidth: 0 };
const none = (text: string) => <span className="muted">{text}</span>;

export function RunInfo({ run, receivedAt }: { run: RunDetails; receivedAt: number }) {
  const running = run.status === "running";
  const now = useNow(running);
  const params = Object.entries(run.params);
  return (
    <section className="card" aria-labelledby="run-details-heading">
      <h2 id="run-details-heading">Details</h2>
      <DetailList testId="run-details">
        <dt className="muted">Duration</dt>
        <dd style={dd} data-testid="run-duration" className="mono">
          {formatElapsed(liveDurationMs(run.durationMs, receivedAt, now, running))}
        </dd>
        <dt className="muted">Started</dt>
        <dd style={dd} data-testid="run-started-at">
          {run.startedAt ? <DateTime value={run.startedAt} full /> : none("Not started")}
        </dd>
        <dt className="muted">Finished</dt>
        <dd style={dd} data-testid="run-finished-at">
          {run.finishedAt ? <DateTime value={run.finishedAt} full /> : none(running ? "Still running" : "Not finished")}
        </dd>
        {run.failureReason ? (
          <>
            <dt className="muted">Failure reason</dt>
            <dd style={{ ...dd, whiteSpace: "pre-wrap" }} data-testid="run-failure-reason">
              {run.failureReason}
            </dd>
          </>
        ) : null}
        <dt className="muted">Tags</dt>
        <dd style={dd} data-testid="run-tags">
          <TagList tags={run.tags} empty="No tags" />
        </dd>
        <dt className="muted">Created</dt>
        <dd style={dd}>
          <DateTime value={run.createdAt} full />
        </dd>
      </DetailList>
      <h3 id="run-params-heading">Params</h3>
      {params.length > 0 ? (
        <table className="table" aria-labelledby="run-params-heading" data-testid="run-params">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {params.map(([key, value]) => (
              <tr key={key}>
                <th scope="row" className="mono" style={{ textTransform: "none", letterSpacing: 0, color: "var(--text)" }}>
                  {key}
                </th>
                <td className="mono" style={{ overflowWrap: "anywhere" }}>
                  {String(value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p data-testid="run-params">{none("No params")}</p>
      )}
      <h3 id="run-metadata-heading">Metadata</h3>
      {Object.keys(run.metadata).length > 0 ? (
        <CodeBlock aria-labelledby="run-metadata-heading" testId="run-metadata">
          {prettyJson(run.metadata)}
        </CodeBlock>
      ) : (
        <p data-testid="run-metadata">{none("No metadata")}</p>
      )}
    </section>
  );
}
