"use client";
// Everything recorded about a run, read-only: timing (the duration counts up while it runs), tags, params, metadata.
import type { CSSProperties } from "react";
import { prettyJson } from "../../audit/audit-format";
import { DateTime } from "../../experiments/date-time";
import { formatDuration, liveDurationMs } from "../run-format";
import { useNow } from "../use-now";
import type { RunDetails } from "./run-detail";

const listStyle: CSSProperties = { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.5rem 1.25rem", margin: 0 };
const dd: CSSProperties = { margin: 0, minWidth: 0 };
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
const none = (text: string) => <span className="muted">{text}</span>;

export function RunInfo({ run, receivedAt }: { run: RunDetails; receivedAt: number }) {
  const running = run.status === "running";
  const now = useNow(running);
  const params = Object.entries(run.params);
  return (
    <section className="card" aria-labelledby="run-details-heading">
      <h2 id="run-details-heading">Details</h2>
      <dl style={listStyle} data-testid="run-details">
        <dt className="muted">Duration</dt>
        <dd style={dd} data-testid="run-duration" className="mono">
          {formatDuration(liveDurationMs(run.durationMs, receivedAt, now, running))}
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
          {run.tags.length > 0 ? (
            <ul className="row" aria-label="Tags" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.25rem" }}>
              {run.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            none("No tags")
          )}
        </dd>
        <dt className="muted">Created</dt>
        <dd style={dd}>
          <DateTime value={run.createdAt} full />
        </dd>
      </dl>
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
        <pre style={preStyle} aria-labelledby="run-metadata-heading" data-testid="run-metadata">
          {prettyJson(run.metadata)}
        </pre>
      ) : (
        <p data-testid="run-metadata">{none("No metadata")}</p>
      )}
    </section>
  );
}
