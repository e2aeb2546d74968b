// Historical telemetry: downsampled series of a run or capture session, sessions overlaid at their start, and
// attaching readings that were stored against the sensor alone.
import { attachReadingsInput, unattachedReadingsInput } from "../../../contracts/telemetry";
import { telemetryOverlayInput, telemetrySeriesInput } from "../../../contracts/telemetry-read";
import * as telemetryAttach from "../../services/telemetry/attach";
import * as telemetrySeries from "../../services/telemetry/series";
import { router } from "../init";
import { projectProcedure } from "../procedures";

export const telemetryRouter = router({
  series: projectProcedure("runs:read").input(telemetrySeriesInput).query(({ ctx, input }) => telemetrySeries.series(ctx, input)),
  overlay: projectProcedure("runs:read").input(telemetryOverlayInput).query(({ ctx, input }) => telemetrySeries.overlay(ctx, input)),
  unattached: projectProcedure("runs:read").input(unattachedReadingsInput).query(({ ctx, input }) => telemetryAttach.unattached(ctx, input)),
  attach: projectProcedure("runs:write").input(attachReadingsInput).mutation(({ ctx, input }) => telemetryAttach.attach(ctx, input)),
});
