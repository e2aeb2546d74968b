"use client";
// 2–10 runs of one project side by side. A link that names too few, too many or malformed runs is explained, not
// sent; a run the server cannot find is reported with the server's own sentence.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorNotice } from "../../../_components/error-notice";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { errorCodeOf, messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { parseCompareParams } from "./compare-format";
import { CompareTable } from "./compare-table";
import { CompareTelemetry } from "./compare-telemetry";

// Asking again cannot change these answers; anything else (network, 5xx) gets a Retry.
const FINAL_ERRORS = new Set(["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"]);

export function RunCompare({ project, ids }: { project?: string; ids?: string }) {
  const parsed = parseCompareParams(project, ids);
  return (
    <div data-testid="run-compare">
      <p>
        <Link href="/experiments">← Experiments</Link>
      </p>
      <h1>Compare runs</h1>
      {parsed.ok ? (
        <Comparison projectId={parsed.projectId} ids={parsed.ids} />
      ) : (
        <Problem title="These runs cannot be compared" messages={parsed.problems} />
      )}
    </div>
  );
}

function Comparison({ projectId, ids }: { projectId: string; ids: string[] }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.run.compare.queryOptions({ projectId, ids }));
  if (query.isPending) return <Skeleton lines={8} label="Loading comparison" />;
  if (query.isError) {
    const code = errorCodeOf(query.error);
    if (code && FINAL_ERRORS.has(code)) return <Problem title="These runs cannot be compared" messages={[messageOf(query.error)]} />;
    return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  }
  return (
    <>
      <CompareTable comparison={query.data} />
      <CompareTelemetry projectId={projectId} runs={query.data.runs} />
    </>
  );
}

function Problem({ title, messages }: { title: string; messages: string[] }) {
  return (
    <EmptyState title={title}>
      <div role="alert" data-testid="compare-error">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <p>Pick 2 to 10 runs in an experiment’s runs table and choose Compare.</p>
    </EmptyState>
  );
}
