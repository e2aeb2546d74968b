import { listExperimentsInput } from "../../../contracts/experiment";
import * as experiments from "../../services/experiment";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const experimentRouter = router({
  list: projectProcedure("experiments:read").input(listExperimentsInput).query(({ ctx, input }) => experiments.list(ctx, input)),
});
