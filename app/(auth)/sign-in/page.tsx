import { redirect } from "next/navigation";
import { oidcEnabled } from "@/server/auth/config";
import { currentUser } from "@/server/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentUser()) redirect("/experiments");
  const params = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Experiment Tracking Platform</p>
      {params.expired ? <div className="form-error" role="status">Your session has ended. Sign in again.</div> : null}
      <SignInForm oidc={oidcEnabled ? (process.env.OIDC_NAME || "Single sign-on") : null} next={safeNext(params.next)} />
    </>
  );
}

function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/experiments";
}
