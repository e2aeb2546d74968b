import { Suspense } from "react";
import { Skeleton } from "../../_components/skeleton";
import { AuditView } from "./audit-view";

// AuditView reads its filters with useSearchParams, which needs a Suspense boundary.
export default function AuditPage() {
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading audit trail" />}>
      <AuditView />
    </Suspense>
  );
}
