"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { signInInput } from "@/contracts/auth";
import { Field, FormError, formValues, useContractForm } from "../../_components/form";
import { postJson } from "../../_lib/post-json";

export function SignInForm({ oidc, next }: { oidc: string | null; next: string }) {
  const form = useContractForm(signInInput);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(formValues(event.currentTarget));
    if (!input) return;
    setPending(true);
    const result = await postJson("/api/auth/sign-in", input);
    setPending(false);
    if (result.ok) {
      location.assign(next);
      return;
    }
    form.showServerError(result.error);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      <FormError message={form.formError} />
      <Field name="email" label="Email" type="email" autoComplete="email" errors={form.errors} autoFocus />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={form.errors} />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
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
