// Historical telemetry: downsampled series of a run or capture session, and sessions overlaid at their start.
import { telemetryOverlayInput, telemetrySeriesInput } from "../../../contracts/telemetry-read";
import * as telemetrySeries from "../../services/telemetry/series";
import { router } from "../init";
import { projectProcedure } from "../procedures";

export const telemetryRouter = router({
  series: projectProcedure("runs:read").input(telemetrySeriesInput).query(({ ctx, input }) => telemetrySeries.series(ctx, input)),
  overlay: projectProcedure("runs:read").input(telemetryOverlayInput).query(({ ctx, input }) => telemetrySeries.overlay(ctx, input)),
});
