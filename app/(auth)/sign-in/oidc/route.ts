import { signIn } from "@/server/auth/config";

export async function GET() {
  await signIn("oidc", { redirectTo: "/experiments" });
}
