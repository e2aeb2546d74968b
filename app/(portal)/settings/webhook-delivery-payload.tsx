"use client";
// The exact JSON body a delivery sends (every attempt sends the same bytes), shown under its row on request.
import { useQuery } from "@tanstack/react-query";
import { FormError } from "../../_components/form";
import { Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";

export function DeliveryPayload({ projectId, webhookId, deliveryId }: { projectId: string; webhookId: string; deliveryId: number }) {
  const trpc = useTRPC();
  const payload = useQuery(trpc.webhook.payload.queryOptions({ projectId, id: webhookId, deliveryId }, { staleTime: Infinity }));
  if (payload.isLoading) return <Skeleton lines={3} label="Loading the payload" />;
  if (payload.error || !payload.data) return <FormError message={messageOf(payload.error)} />;
  return (
    <pre className="mono" style={{ margin: 0, maxHeight: "16rem", overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-all" }} data-testid="webhook-delivery-payload">
      {JSON.stringify(JSON.parse(payload.data.body), null, 2)}
    </pre>
  );
}
