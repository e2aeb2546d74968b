import { changePasswordInput, setActiveProjectInput, updateProfileInput } from "../../../contracts/user";
import * as account from "../../services/account";
import * as users from "../../services/user";
import { authedProcedure } from "../procedures";
import { router } from "../init";

export const userRouter = router({
  me: authedProcedure.query(({ ctx }) => users.me(ctx)),
  setActiveProject: authedProcedure.input(setActiveProjectInput).mutation(({ ctx, input }) => users.setActiveProject(ctx, input)),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => account.updateProfile(ctx, input)),
  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => account.changePassword(ctx, input)),
});
