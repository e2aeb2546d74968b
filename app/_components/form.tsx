"use client";
// Forms validate with the same zod contract the server uses; server field errors land on the same fields.
import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { fieldErrorsOf, messageOf, type FieldErrors } from "../_lib/errors";

export function useContractForm<S extends z.ZodType>(schema: S) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function validate(values: unknown): z.infer<S> | null {
    const result = schema.safeParse(values);
    if (result.success) {
      setErrors({});
      setFormError(null);
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) (next[issue.path.join(".") || "_"] ??= []).push(issue.message);
    setErrors(next);
    return null;
  }

  function showServerError(error: unknown) {
    const fields = fieldErrorsOf(error);
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? null : messageOf(error));
  }

  return { errors, formError, validate, showServerError, reset: () => (setErrors({}), setFormError(null)) };
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}

interface FieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  placeholder?: string;
  multiline?: boolean;
  hint?: ReactNode;
  autoFocus?: boolean;
}

export function Field({ name, label, errors, multiline, hint, ...rest }: FieldProps) {
  const id = `field-${name}`;
  const messages = errors[name];
  const invalid = Boolean(messages?.length);
  const common = { id, name, className: "input", "aria-invalid": invalid, "aria-describedby": invalid ? `${id}-error` : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} defaultValue={rest.defaultValue} placeholder={rest.placeholder} /> : <input {...common} {...rest} />}
      {hint && !invalid ? <span className="muted">{hint}</span> : null}
      {invalid ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {messages!.join(". ")}
        </span>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <div className="form-error" role="alert">
      {message}
    </div>
  ) : null;
}
