import { Suspense } from "react";
import { Skeleton } from "../../_components/skeleton";
import { ExperimentList } from "./experiment-list";

// The list reads its filters with useSearchParams, which needs a Suspense boundary.
export default function ExperimentsPage() {
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading experiments" />}>
      <ExperimentList />
    </Suspense>
  );
}
