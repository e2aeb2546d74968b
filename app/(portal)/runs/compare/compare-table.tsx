"use client";
// One column per run, one row per field; rows whose runs disagree are highlighted and can be shown alone.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState, type CSSProperties } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { TagList } from "../../../_components/detail-list";
import { StatusBadge } from "../../../_components/status-badge";
import { compareRows, type CompareRow } from "./compare-format";

type Comparison = inferRouterOutputs<AppRouter>["run"]["compare"];
type ComparedRun = Comparison["runs"][number];

const SECTIONS = [
  { section: "run", title: "Run" },
  { section: "params", title: "Params" },
  { section: "metadata", title: "Metadata" },
] as const;

const DIFFERS: CSSProperties = { background: "#fff4d6" };
const rowHeader: CSSProperties = { textTransform: "none", letterSpacing: 0, color: "var(--text)", fontSize: "0.9rem", whiteSpace: "nowrap" };

export function CompareTable({ comparison }: { comparison: Comparison }) {
  const [diffOnly, setDiffOnly] = useState(false);
  const rows = compareRows(comparison);
  const differing = rows.filter((row) => row.differs).length;
  const shown = diffOnly ? rows.filter((row) => row.differs) : rows;
  const { runs } = comparison;
  return (
    <>
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <label className="row" style={{ gap: "0.4rem", fontWeight: 600 }}>
          <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} data-testid="compare-diff-only" />
          Differences only
        </label>
        <span className="muted" aria-live="polite" data-testid="compare-summary">
          {differing} of {rows.length} rows differ
        </span>
      </div>
      <div style={{ overflowX: "auto" }}>
        <table className="table" data-testid="compare-table">
          <caption className="muted" style={{ textAlign: "left", paddingBottom: "0.5rem" }}>
            {runs.length} runs side by side; highlighted rows differ between runs.
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {runs.map((run) => (
                <th key={run.id} scope="col" style={{ minWidth: "10rem" }}>
                  <Link href={`/runs/${run.id}`} data-testid="compare-run-link" style={{ textTransform: "none", fontSize: "0.95rem" }}>
                    {run.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          {SECTIONS.map(({ section, title }) => {
            const sectionRows = shown.filter((row) => row.section === section);
            if (sectionRows.length === 0) return null;
            return (
              <tbody key={section}>
                <tr>
                  <th scope="colgroup" colSpan={runs.length + 1} style={{ background: "var(--bg)" }}>
                    {title}
                  </th>
                </tr>
                {sectionRows.map((row) => (
                  <Row key={row.id} row={row} runs={runs} />
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
      {shown.length === 0 ? <p className="muted">These runs agree on every field.</p> : null}
    </>
  );
}

function Row({ row, runs }: { row: CompareRow; runs: ComparedRun[] }) {
  const differs = row.differs ? "true" : "false";
  return (
    <tr data-testid="compare-row" data-key={row.id} data-differs={differs}>
      <th scope="row" className={row.section === "run" ? undefined : "mono"} style={rowHeader}>
        {row.label} {row.differs ? <span className="badge">differs</span> : null}
      </th>
      {runs.map((run, index) => (
        <td key={run.id} className={row.differs ? "compare-differs" : undefined} data-differs={differs} style={row.differs ? DIFFERS : undefined}>
          <Cell row={row} run={run} text={row.cells[index] ?? null} />
        </td>
      ))}
    </tr>
  );
}

function Cell({ row, run, text }: { row: CompareRow; run: ComparedRun; text: string | null }) {
  if (row.id === "status") return <StatusBadge status={run.status} />;
  if (row.id === "tags") return <TagList tags={run.tags} empty="No tags" />;
  if (text === null) return <span className="muted" title="Not set on this run">—</span>;
  return <span className="mono" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{text}</span>;
}
