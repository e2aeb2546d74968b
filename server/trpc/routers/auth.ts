import { signUpInput } from "../../../contracts/auth";
import * as account from "../../services/account";
import { publicProcedure } from "../procedures";
import { router } from "../init";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => account.signUp(ctx.db, input, { requestId: ctx.requestId, clientIp: ctx.clientIp })),
});
