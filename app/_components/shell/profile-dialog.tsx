"use client";
// Name, email and password. A password change ends every session, this one too, so we send the user to sign in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { changePasswordInput, updateProfileInput } from "@/contracts/user";
import { useTRPC } from "../../_lib/trpc";
import { Dialog } from "../dialog";
import { Field, FormError, formValues, useContractForm } from "../form";

export function ProfileDialog({ open, onClose, user }: { open: boolean; onClose: () => void; user: { name: string; email: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profileForm = useContractForm(updateProfileInput);
  const passwordForm = useContractForm(changePasswordInput);
  const updateProfile = useMutation(trpc.user.updateProfile.mutationOptions());
  const changePassword = useMutation(trpc.user.changePassword.mutationOptions());

  async function onProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = profileForm.validate(formValues(event.currentTarget));
    if (!input) return;
    try {
      await updateProfile.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.user.me.queryKey() });
      toast.success("Profile saved");
    } catch (error) {
      profileForm.showServerError(error);
    }
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = passwordForm.validate(formValues(event.currentTarget));
    if (!input) return;
    try {
      await changePassword.mutateAsync(input);
      toast.success("Password changed. Sign in again with the new password.");
      setTimeout(() => location.assign("/sign-in"), 1200);
    } catch (error) {
      passwordForm.showServerError(error);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Your profile" testId="profile-dialog">
      <form onSubmit={onProfile} noValidate aria-label="Profile">
        <div className="dialog-body">
          <FormError message={profileForm.formError} />
          <Field name="name" label="Name" defaultValue={user.name} errors={profileForm.errors} autoComplete="name" />
          <Field name="email" label="Email" type="email" defaultValue={user.email} errors={profileForm.errors} autoComplete="email" />
          <button type="submit" className="btn btn-primary" disabled={updateProfile.isPending}>
            {updateProfile.isPending ? "Saving…" : "Save profile"}
          </button>
        </div>
      </form>
      <form onSubmit={onPassword} noValidate aria-label="Change password">
        <div className="dialog-body" style={{ borderTop: "1px solid var(--border)" }}>
          <h2>Change password</h2>
          <FormError message={passwordForm.formError} />
          <Field name="currentPassword" label="Current password" type="password" errors={passwordForm.errors} autoComplete="current-password" />
          <Field name="newPassword" label="New password" type="password" errors={passwordForm.errors} autoComplete="new-password" hint="At least 10 characters, with letters and digits. You will be signed out everywhere." />
          <button type="submit" className="btn" disabled={changePassword.isPending}>
            {changePassword.isPending ? "Changing…" : "Change password"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
