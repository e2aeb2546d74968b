"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signUpInput } from "@/contracts/auth";
import { Field, FormError, SubmitButton, useFormSubmit } from "../../_components/form";
import { postJson } from "../../_lib/post-json";
import { useTRPC } from "../../_lib/trpc";

export function SignUpForm() {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const form = useFormSubmit({
    schema: signUpInput,
    submit: async (input) => {
      await signUp.mutateAsync(input);
      // postJson never throws: a failed sign-in after a successful sign-up just leads to the sign-in page.
      const signedIn = await postJson("/api/auth/sign-in", { email: input.email, password: input.password });
      location.assign(signedIn.ok ? "/experiments?welcome=1" : "/sign-in");
    },
  });

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Sign up">
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
        <SubmitButton label="Create account" pendingLabel="Creating account…" pending={form.pending} />
        <span className="spacer" />
        <Link href="/sign-in">I already have an account</Link>
      </div>
    </form>
  );
}
