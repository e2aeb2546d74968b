"use client";
// Forms validate with the same zod contract the server uses; server field errors land on the same fields.
import { useState, type ChangeEventHandler, type CSSProperties, type FormEvent, type ReactNode } from "react";
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
    setErrors(byField(next));
    return null;
  }

  function showServerError(error: unknown) {
    const fields = byField(fieldErrorsOf(error));
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? null : messageOf(error));
  }

  return { errors, formError, validate, showServerError, reset: () => (setErrors({}), setFormError(null)) };
}

/** Nested paths (`tags.3`, `metadata.key`) also count for their top-level field, which is where a form shows them. */
export function byField(errors: FieldErrors): FieldErrors {
  const merged: FieldErrors = { ...errors };
  for (const [path, messages] of Object.entries(errors)) {
    const field = path.split(".")[0]!;
    if (field !== path && messages) {
      const inner = path.slice(field.length + 1);
      merged[field] = [...(merged[field] ?? []), ...messages.map((m) => `${inner}: ${m}`)];
    }
  }
  return merged;
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}

interface FormSubmitOptions<S extends z.ZodType> {
  /** The contract the input must pass before anything is sent. */
  schema: S;
  /** Builds what is validated from the form's string fields (default: the fields as they are). */
  values?: (fields: Record<string, string>) => unknown;
  /** Sends the valid input and does whatever follows (invalidate, toast, close); anything it throws lands on the form. */
  submit: (input: z.infer<S>, element: HTMLFormElement) => Promise<void>;
}

/**
 * The submit flow every form shares: validate with the contract, then `submit`, with `pending` set for the whole of it.
 * Returns the contract form (errors, formError, reset, …) plus `onSubmit` for the <form> and `pending` for its button.
 */
export function useFormSubmit<S extends z.ZodType>({ schema, values, submit }: FormSubmitOptions<S>) {
  const form = useContractForm(schema);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const fields = formValues(element);
    const input = form.validate(values ? values(fields) : fields);
    if (!input) return;
    setPending(true);
    try {
      await submit(input, element);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setPending(false);
    }
  }

  return { ...form, onSubmit, pending };
}

interface FieldFrameProps {
  name: string;
  label: string;
  errors: FieldErrors;
  /** The control's id (default `field-<name>`); the error message gets `<id>-error`. */
  id?: string;
  /** data-testid on the control itself. */
  testId?: string;
  hint?: ReactNode;
  /** Style of the wrapping `.field` (e.g. `{ flex: 1 }` in a row). */
  style?: CSSProperties;
  /** Also describe the control by its hint (`<id>-hint`) while there is no error. */
  linkHint?: boolean;
}

/** Label, control, hint and error message, wired for screen readers: the control gets its props from `render`. */
function FieldFrame({
  name,
  label,
  errors,
  id = `field-${name}`,
  testId,
  hint,
  style,
  linkHint,
  render,
}: FieldFrameProps & { render: (control: ControlProps) => ReactNode }) {
  const messages = errors[name];
  const invalid = Boolean(messages?.length);
  const errorId = `${id}-error`;
  const hintId = linkHint ? `${id}-hint` : undefined;
  return (
    <div className="field" style={style}>
      <label htmlFor={id}>{label}</label>
      {render({ id, name, className: "input", "aria-invalid": invalid, "aria-describedby": invalid ? errorId : hintId, "data-testid": testId })}
      {hint && !invalid ? (
        <span className="muted" id={hintId}>
          {hint}
        </span>
      ) : null}
      {invalid ? (
        <span className="field-error" id={errorId} role="alert">
          {messages!.join(". ")}
        </span>
      ) : null}
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  className: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  "data-testid": string | undefined;
}

interface FieldProps extends FieldFrameProps {
  type?: string;
  defaultValue?: string;
  value?: string;
  onChange?: ChangeEventHandler<HTMLInputElement | HTMLTextAreaElement>;
  autoComplete?: string;
  required?: boolean;
  placeholder?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  /** Suggestions offered through a `<datalist>` (`<id>-options`); the input still takes any text. */
  list?: readonly string[];
}

export function Field({ multiline, type, defaultValue, value, onChange, autoComplete, required, placeholder, autoFocus, list, ...frame }: FieldProps) {
  return (
    <FieldFrame
      {...frame}
      render={(control) =>
        multiline ? (
          <textarea rows={3} {...control} defaultValue={defaultValue} value={value} onChange={onChange} placeholder={placeholder} />
        ) : (
          <>
            <input
              {...control}
              type={type}
              list={list ? `${control.id}-options` : undefined}
              defaultValue={defaultValue}
              value={value}
              onChange={onChange}
              autoComplete={autoComplete}
              required={required}
              placeholder={placeholder}
              autoFocus={autoFocus}
            />
            {list ? (
              <datalist id={`${control.id}-options`}>
                {list.map((option) => (
                  <option key={option} value={option} />
                ))}
              </datalist>
            ) : null}
          </>
        )
      }
    />
  );
}

export type SelectOption = string | { value: string; label: string };

interface SelectFieldProps extends FieldFrameProps {
  options: readonly SelectOption[];
  defaultValue?: string;
  value?: string;
  onChange?: ChangeEventHandler<HTMLSelectElement>;
  disabled?: boolean;
}

export function SelectField({ options, defaultValue, value, onChange, disabled, ...frame }: SelectFieldProps) {
  return (
    <FieldFrame
      {...frame}
      render={(control) => (
        <select {...control} defaultValue={defaultValue} value={value} onChange={onChange} disabled={disabled}>
          {options.map((option) => {
            const { value: optionValue, label } = typeof option === "string" ? { value: option, label: option } : option;
            return (
              <option key={optionValue} value={optionValue}>
                {label}
              </option>
            );
          })}
        </select>
      )}
    />
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <div className="form-error" role="alert">
      {message}
    </div>
  ) : null;
}

export interface SubmitButtonProps {
  label: string;
  /** Shown instead of `label` while `pending`. */
  pendingLabel: string;
  pending: boolean;
  variant?: "primary" | "danger" | "plain";
  /** Disabled for another reason than pending. */
  disabled?: boolean;
  testId?: string;
}

const VARIANT_CLASS = { primary: "btn btn-primary", danger: "btn btn-danger", plain: "btn" } as const;

export function SubmitButton({ label, pendingLabel, pending, variant = "primary", disabled = false, testId }: SubmitButtonProps) {
  return (
    <button type="submit" className={VARIANT_CLASS[variant]} disabled={disabled || pending} data-testid={testId}>
      {pending ? pendingLabel : label}
    </button>
  );
}
