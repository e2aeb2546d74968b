"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { signUpInput } from "@/contracts/auth";
import { Field, FormError, formValues, useContractForm } from "../../_components/form";
import { postJson } from "../../_lib/post-json";
import { useTRPC } from "../../_lib/trpc";

export function SignUpForm() {
  const trpc = useTRPC();
  const form = useContractForm(signUpInput);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(formValues(event.currentTarget));
    if (!input) return;
    try {
      await signUp.mutateAsync(input);
    } catch (error) {
      form.showServerError(error);
      return;
    }
    const signedIn = await postJson("/api/auth/sign-in", { email: input.email, password: input.password });
    location.assign(signedIn.ok ? "/experiments?welcome=1" : "/sign-in");
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign up">
      <FormError message={form.formError} />
      <Field name="name" label="Name" autoComplete="name" errors={form.errors} autoFocus />
      <Field name="email" label="Email" type="email" autoComplete="email" errors={form.errors} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        errors={form.errors}
        hint="At least 10 characters, with letters and digits."
      />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating account…" : "Create account"}
        </button>
        <span className="spacer" />
        <Link href="/sign-in">I already have an account</Link>
      </div>
    </form>
  );
}
