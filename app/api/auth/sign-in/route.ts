import { handleSignIn } from "@/server/auth/sign-in";

export { handleSignIn as POST };
