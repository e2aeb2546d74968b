"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { addMemberInput } from "@/contracts/project";
import { ROLES } from "@/domain/access";
import { Field, FormError, SelectField, SubmitButton, useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";

export function AddMemberForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.member.add.mutationOptions());
  const form = useFormSubmit({
    schema: addMemberInput,
    values: (fields) => ({ ...fields, projectId }),
    submit: async (input, element) => {
      await add.mutateAsync(input);
      await queryClient.invalidateQueries();
      toast.success("Member added");
      element.reset();
    },
  });

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Add member" style={{ marginTop: "1rem" }}>
      <h3>Add member</h3>
      <FormError message={form.formError} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <Field
          name="email"
          id="member-add-email"
          label="Email"
          type="email"
          autoComplete="off"
          placeholder="colleague@example.com"
          errors={form.errors}
          testId="member-add-email"
          style={{ flex: 1 }}
        />
        <SelectField name="role" id="member-add-role" label="Role" options={ROLES} defaultValue="viewer" errors={form.errors} testId="member-add-role" />
      </div>
      <SubmitButton label="Add member" pendingLabel="Adding…" pending={form.pending} testId="member-add-submit" />
    </form>
  );
}
