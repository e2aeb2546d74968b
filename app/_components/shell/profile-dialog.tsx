"use client";
// Name, email and password. A password change ends every session, this one too, so we send the user to sign in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { changePasswordInput, updateProfileInput } from "@/contracts/user";
import { useTRPC } from "../../_lib/trpc";
import { Dialog } from "../dialog";
import { Field, FormError, SubmitButton, useFormSubmit } from "../form";

export function ProfileDialog({ open, onClose, user }: { open: boolean; onClose: () => void; user: { name: string; email: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const updateProfile = useMutation(trpc.user.updateProfile.mutationOptions());
  const changePassword = useMutation(trpc.user.changePassword.mutationOptions());
  const profile = useFormSubmit({
    schema: updateProfileInput,
    submit: async (input) => {
      await updateProfile.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.user.me.queryKey() });
      toast.success("Profile saved");
    },
  });
  const password = useFormSubmit({
    schema: changePasswordInput,
    submit: async (input) => {
      await changePassword.mutateAsync(input);
      toast.success("Password changed. Sign in again with the new password.");
      setTimeout(() => location.assign("/sign-in"), 1200);
    },
  });

  return (
    <Dialog open={open} onClose={onClose} title="Your profile" testId="profile-dialog">
      <form onSubmit={profile.onSubmit} noValidate aria-label="Profile">
        <div className="dialog-body">
          <FormError message={profile.formError} />
          <Field name="name" label="Name" defaultValue={user.name} errors={profile.errors} autoComplete="name" />
          <Field name="email" label="Email" type="email" defaultValue={user.email} errors={profile.errors} autoComplete="email" />
          <SubmitButton label="Save profile" pendingLabel="Saving…" pending={profile.pending} />
        </div>
      </form>
      <form onSubmit={password.onSubmit} noValidate aria-label="Change password">
        <div className="dialog-body" style={{ borderTop: "1px solid var(--border)" }}>
          <h2>Change password</h2>
          <FormError message={password.formError} />
          <Field name="currentPassword" label="Current password" type="password" errors={password.errors} autoComplete="current-password" />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            errors={password.errors}
            autoComplete="new-password"
            hint="At least 10 characters, with letters and digits. You will be signed out everywhere."
          />
          <SubmitButton label="Change password" pendingLabel="Changing…" pending={password.pending} variant="plain" />
        </div>
      </form>
    </Dialog>
  );
}
