import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await currentUser()) redirect("/experiments");
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">You can create projects and invite colleagues once you are in.</p>
      <SignUpForm />
    </>
  );
}
