import { handleSignOut } from "@/server/auth/sign-out";

export { handleSignOut as POST };
