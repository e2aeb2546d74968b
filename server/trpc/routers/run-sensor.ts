import { listRunSensorsInput, setRunSensorsInput } from "../../../contracts/run-sensor";
import * as runSensors from "../../services/run-sensor";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const runSensorRouter = router({
  list: projectProcedure("runs:read").input(listRunSensorsInput).query(({ ctx, input }) => runSensors.list(ctx, input)),
  set: projectProcedure("runs:write").input(setRunSensorsInput).mutation(({ ctx, input }) => runSensors.set(ctx, input)),
});
