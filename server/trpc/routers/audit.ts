import { listAuditInput } from "../../../contracts/audit";
import * as auditLog from "../../services/audit-log";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const auditRouter = router({
  list: projectProcedure("audit:read").input(listAuditInput).query(({ ctx, input }) => auditLog.list(ctx, input)),
});
