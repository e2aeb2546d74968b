"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { NoProject } from "../../_components/no-project";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { useTRPC } from "../../_lib/trpc";
import { useActiveProject } from "../../_lib/use-active-project";

export function ExperimentList() {
  const { project, isLoading } = useActiveProject();
  if (isLoading) return <Skeleton lines={5} label="Loading experiments" />;
  if (!project) return <NoProject />;
  return <Experiments projectId={project.id} projectName={project.name} />;
}

function Experiments({ projectId, projectName }: { projectId: string; projectName: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.experiment.list.infiniteQueryOptions({ projectId, limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>Experiments</h1>
      <p className="muted">in {projectName}</p>
      {query.isLoading ? (
        <Skeleton lines={5} label="Loading experiments" />
      ) : items.length === 0 ? (
        <EmptyState title="No experiments yet">
          <p>Experiments group the runs of one investigation. Creating them arrives with the next release.</p>
        </EmptyState>
      ) : (
        <table className="table" data-testid="experiment-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Status</th>
              <th>Tags</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <strong>{e.name}</strong>
                  <div className="muted">{e.description}</div>
                </td>
                <td>{e.type}</td>
                <td>
                  <span className="badge">{e.status}</span>
                </td>
                <td>{e.tags.join(", ")}</td>
                <td>{new Date(e.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.hasNextPage ? (
        <p>
          <button type="button" className="btn" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </p>
      ) : null}
    </>
  );
}
