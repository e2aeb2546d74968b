import {
  activateConversionProfileInput, createSensorInput, listSensorsInput, previewConversionInput, revokeSensorTokenInput,
  rotateSensorTokenInput, saveConversionProfileInput, sensorIdInput, sensorProjectInput, updateSensorInput,
} from "../../../contracts/sensor";
import { sensorTelemetryStatsInput, setClockCorrectionInput } from "../../../contracts/telemetry";
import * as sensors from "../../services/sensor";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const sensorRouter = router({
  list: projectProcedure("sensors:read").input(listSensorsInput).query(({ ctx, input }) => sensors.list(ctx, input)),
  byId: projectProcedure("sensors:read").input(sensorIdInput).query(({ ctx, input }) => sensors.byId(ctx, input)),
  create: projectProcedure("sensors:write").input(createSensorInput).mutation(({ ctx, input }) => sensors.create(ctx, input)),
  update: projectProcedure("sensors:write").input(updateSensorInput).mutation(({ ctx, input }) => sensors.update(ctx, input)),
  delete: projectProcedure("sensors:write").input(sensorIdInput).mutation(({ ctx, input }) => sensors.remove(ctx, input)),
  addProject: projectProcedure("sensors:write").input(sensorProjectInput).mutation(({ ctx, input }) => sensors.addProject(ctx, input)),
  removeProject: projectProcedure("sensors:write").input(sensorProjectInput).mutation(({ ctx, input }) => sensors.removeProject(ctx, input)),
  rotateToken: projectProcedure("sensors:write").input(rotateSensorTokenInput).mutation(({ ctx, input }) => sensors.rotateToken(ctx, input)),
  revokeToken: projectProcedure("sensors:write").input(revokeSensorTokenInput).mutation(({ ctx, input }) => sensors.revokeToken(ctx, input)),
  saveProfile: projectProcedure("sensors:write").input(saveConversionProfileInput).mutation(({ ctx, input }) => sensors.saveProfile(ctx, input)),
  activateProfile: projectProcedure("sensors:write").input(activateConversionProfileInput).mutation(({ ctx, input }) => sensors.activateProfile(ctx, input)),
  previewConversion: projectProcedure("sensors:read").input(previewConversionInput).query(({ ctx, input }) => sensors.previewConversion(ctx, input)),
  telemetryStats: projectProcedure("sensors:read").input(sensorTelemetryStatsInput).query(({ ctx, input }) => sensors.telemetryStats(ctx, input)),
  setClockCorrection: projectProcedure("sensors:write").input(setClockCorrectionInput).mutation(({ ctx, input }) => sensors.setClockCorrection(ctx, input)),
});
