"use client";
// The fields of a webhook endpoint, shared by the add and edit dialogs (test ids `${idPrefix}-url` and so on).
import { Field } from "../../_components/form";
import type { FieldErrors } from "../../_lib/errors";
import { EVENTS_PLACEHOLDER } from "./webhook-form";

interface Props {
  errors: FieldErrors;
  idPrefix: string;
  defaults?: { url: string; description: string; events: string[] };
  autoFocus?: boolean;
}

export function WebhookFields({ errors, idPrefix, defaults, autoFocus }: Props) {
  return (
    <>
      <Field
        name="url"
        id={`${idPrefix}-url`}
        label="Payload URL"
        type="url"
        autoComplete="off"
        placeholder="https://lab.example.org/hooks/etp"
        defaultValue={defaults?.url}
        errors={errors}
        testId={`${idPrefix}-url`}
        required
        autoFocus={autoFocus}
      />
      <Field
        name="description"
        id={`${idPrefix}-description`}
        label="Description"
        autoComplete="off"
        placeholder="LIMS sync"
        defaultValue={defaults?.description}
        errors={errors}
        testId={`${idPrefix}-description`}
        hint="Optional: what listens at this address."
        linkHint
      />
      <Field
        name="events"
        id={`${idPrefix}-events`}
        label="Events"
        autoComplete="off"
        placeholder={EVENTS_PLACEHOLDER}
        defaultValue={defaults?.events.join(", ")}
        errors={errors}
        testId={`${idPrefix}-events`}
        hint="Action names from the audit log, separated by commas. Leave empty to receive every event."
        linkHint
      />
    </>
  );
}
