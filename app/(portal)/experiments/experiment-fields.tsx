"use client";
// The fields an experiment is made of, shared by the create page and the edit dialog. Their text is validated by
// `experimentFormFields` below, which wraps the contract, so the browser applies the server's rules.
import { useQuery } from "@tanstack/react-query";
import { createExperimentInput, updateExperimentInput } from "@/contracts/experiment";
import { jsonObjectText, tagListText } from "@/contracts/common";
import { Field } from "../../_components/form";
import type { FieldErrors } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";

/** The contracts with tags and metadata read from their text fields. */
export const createExperimentForm = createExperimentInput.extend({ metadata: jsonObjectText, tags: tagListText });
export const updateExperimentForm = updateExperimentInput.extend({ metadata: jsonObjectText, tags: tagListText });

export interface ExperimentFieldDefaults {
  name?: string;
  description?: string;
  type?: string;
  tags?: string;
  metadata?: string;
}

interface Props {
  /** Where the type suggestions come from. */
  projectId: string;
  errors: FieldErrors;
  defaults?: ExperimentFieldDefaults;
  /** Prefix of the control ids, so two forms on a page do not clash. */
  idPrefix: string;
}

export function ExperimentFields({ projectId, errors, defaults = {}, idPrefix }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field name="name" id={id("name")} label="Name" defaultValue={defaults.name} errors={errors} autoComplete="off" required autoFocus />
      <Field name="description" id={id("description")} label="Description" defaultValue={defaults.description} errors={errors} multiline />
      <TypeField projectId={projectId} id={id("type")} defaultValue={defaults.type} errors={errors} />
      <Field
        name="tags"
        id={id("tags")}
        label="Tags"
        defaultValue={defaults.tags}
        errors={errors}
        autoComplete="off"
        placeholder="thermal, batch-7"
        hint="Separate tags with commas."
      />
      <Field
        name="metadata"
        id={id("metadata")}
        label="Metadata (JSON object)"
        defaultValue={defaults.metadata}
        errors={errors}
        multiline
        placeholder='{"bench": "B2"}'
        hint="Optional. Keys and values describing the setup."
      />
    </>
  );
}

/** A free-text type, with the project's existing types suggested through a <datalist>. */
function TypeField({ projectId, id, defaultValue, errors }: { projectId: string; id: string; defaultValue?: string; errors: FieldErrors }) {
  const trpc = useTRPC();
  const types = useQuery(trpc.experiment.types.queryOptions({ projectId }));
  return (
    <Field
      name="type"
      id={id}
      label="Type"
      defaultValue={defaultValue}
      errors={errors}
      autoComplete="off"
      placeholder="general"
      list={types.data ?? []}
      hint="Pick one in use or type a new one."
      linkHint
    />
  );
}
