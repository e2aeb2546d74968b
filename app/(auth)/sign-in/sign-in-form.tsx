"use client";
import Link from "next/link";
import { signInInput } from "@/contracts/auth";
import { Field, FormError, SubmitButton, useFormSubmit } from "../../_components/form";
import { postJson } from "../../_lib/post-json";

export function SignInForm({ oidc, next }: { oidc: string | null; next: string }) {
  const form = useFormSubmit({
    schema: signInInput,
    submit: async (input) => {
      const result = await postJson("/api/auth/sign-in", input);
      if (!result.ok) throw result.error;
      location.assign(next);
    },
  });

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Sign in">
      <FormError message={form.formError} />
      <Field name="email" label="Email" type="email" autoComplete="email" errors={form.errors} autoFocus />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={form.errors} />
      <div className="row">
        <SubmitButton label="Sign in" pendingLabel="Signing in…" pending={form.pending} />
        <span className="spacer" />
        <Link href="/sign-up">Create an account</Link>
      </div>
      {oidc ? (
        <p style={{ marginTop: "1rem" }}>
          <a className="btn" href="/sign-in/oidc">
            Continue with {oidc}
          </a>
        </p>
      ) : null}
    </form>
  );
}
