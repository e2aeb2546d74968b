import { addMemberInput, changeMemberRoleInput, removeMemberInput } from "../../../contracts/project";
import * as members from "../../services/member";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const memberRouter = router({
  list: projectProcedure("members:read").query(({ ctx }) => members.list(ctx)),
  add: projectProcedure("members:write").input(addMemberInput).mutation(({ ctx, input }) => members.add(ctx, input)),
  changeRole: projectProcedure("members:write").input(changeMemberRoleInput).mutation(({ ctx, input }) => members.changeRole(ctx, input)),
  remove: projectProcedure("members:write").input(removeMemberInput).mutation(({ ctx, input }) => members.remove(ctx, input)),
});
