import {
  createWebhookInput, listWebhookDeliveriesInput, webhookDeliveryInput, updateWebhookInput, webhookIdInput,
} from "../../../contracts/webhook";
import { projectScopedInput } from "../../../contracts/common";
import * as webhooks from "../../services/webhook";
import { router } from "../init";
import { projectProcedure } from "../procedures";

export const webhookRouter = router({
  list: projectProcedure("webhooks:write").input(projectScopedInput).query(({ ctx }) => webhooks.list(ctx)),
  create: projectProcedure("webhooks:write").input(createWebhookInput).mutation(({ ctx, input }) => webhooks.create(ctx, input)),
  update: projectProcedure("webhooks:write").input(updateWebhookInput).mutation(({ ctx, input }) => webhooks.update(ctx, input)),
  rotateSecret: projectProcedure("webhooks:write").input(webhookIdInput).mutation(({ ctx, input }) => webhooks.rotateSecret(ctx, input)),
  ping: projectProcedure("webhooks:write").input(webhookIdInput).mutation(({ ctx, input }) => webhooks.ping(ctx, input)),
  delete: projectProcedure("webhooks:write").input(webhookIdInput).mutation(({ ctx, input }) => webhooks.remove(ctx, input)),
  deliveries: projectProcedure("webhooks:write").input(listWebhookDeliveriesInput).query(({ ctx, input }) => webhooks.deliveries(ctx, input)),
  payload: projectProcedure("webhooks:write").input(webhookDeliveryInput).query(({ ctx, input }) => webhooks.payload(ctx, input)),
  redeliver: projectProcedure("webhooks:write").input(webhookDeliveryInput).mutation(({ ctx, input }) => webhooks.redeliver(ctx, input)),
});
