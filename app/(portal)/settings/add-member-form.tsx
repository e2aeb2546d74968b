"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { addMemberInput } from "@/contracts/project";
import { ROLES } from "@/domain/access";
import { FormError, formValues, useContractForm } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";

function FieldMessage({ id, messages }: { id: string; messages: string[] | undefined }) {
  return messages?.length ? (
    <span className="field-error" id={id} role="alert">
      {messages.join(". ")}
    </span>
  ) : null;
}

export function AddMemberForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useContractForm(addMemberInput);
  const add = useMutation(trpc.member.add.mutationOptions());
  const emailErrors = form.errors.email;
  const roleErrors = form.errors.role;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const input = form.validate({ ...formValues(element), projectId });
    if (!input) return;
    try {
      await add.mutateAsync(input);
      await queryClient.invalidateQueries();
      toast.success("Member added");
      element.reset();
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add member" style={{ marginTop: "1rem" }}>
      <h3>Add member</h3>
      <FormError message={form.formError} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor="member-add-email">Email</label>
          <input
            id="member-add-email"
            name="email"
            type="email"
            className="input"
            autoComplete="off"
            placeholder="colleague@example.com"
            aria-invalid={Boolean(emailErrors?.length)}
            aria-describedby={emailErrors?.length ? "member-add-email-error" : undefined}
            data-testid="member-add-email"
          />
          <FieldMessage id="member-add-email-error" messages={emailErrors} />
        </div>
        <div className="field">
          <label htmlFor="member-add-role">Role</label>
          <select
            id="member-add-role"
            name="role"
            className="input"
            defaultValue="viewer"
            aria-invalid={Boolean(roleErrors?.length)}
            aria-describedby={roleErrors?.length ? "member-add-role-error" : undefined}
            data-testid="member-add-role"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <FieldMessage id="member-add-role-error" messages={roleErrors} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={add.isPending} data-testid="member-add-submit">
        {add.isPending ? "Adding…" : "Add member"}
      </button>
    </form>
  );
}
