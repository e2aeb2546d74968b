"use client";
// Who is in the project. Owners can add, re-role and remove; the server keeps at least one owner and says so.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { Role } from "@/domain/access";
import { Dialog } from "../../_components/dialog";
import { FormError } from "../../_components/form";
import { Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { useMe } from "../../_lib/use-active-project";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";
import { useRefreshAfterLeaving } from "./refresh-after-leaving";

interface MembersDialogProps {
  open: boolean;
  onClose: () => void;
  projectId: string;
  editable: boolean;
}

export function MembersDialog({ open, onClose, projectId, editable }: MembersDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Members" testId="members-dialog">
      <div className="dialog-body">
        <Members projectId={projectId} editable={editable} onLeft={onClose} />
      </div>
      <div className="dialog-footer">
        <button type="button" className="btn" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/** Mounted only while the dialog is open, so the list is fetched on demand. */
function Members({ projectId, editable, onLeft }: { projectId: string; editable: boolean; onLeft: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const refreshAfterLeaving = useRefreshAfterLeaving();
  const members = useQuery(trpc.member.list.queryOptions({ projectId }));
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions());
  const remove = useMutation(trpc.member.remove.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onChangeRole(userId: string, role: Role) {
    setError(null);
    try {
      await changeRole.mutateAsync({ projectId, userId, role });
      // Everything: your own role (and so what you may do) and the member count may have changed.
      await queryClient.invalidateQueries();
      toast.success("Role changed");
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function onRemove(userId: string) {
    setError(null);
    try {
      await remove.mutateAsync({ projectId, userId });
      toast.success("Member removed");
      if (userId === me.data?.id) {
        onLeft();
        await refreshAfterLeaving(projectId);
      } else {
        await queryClient.invalidateQueries();
      }
    } catch (e) {
      setError(messageOf(e));
    }
  }

  if (members.isLoading) return <Skeleton lines={3} label="Loading members" />;
  if (members.error) return <FormError message={messageOf(members.error)} />;
  const pendingUserId = changeRole.isPending ? changeRole.variables?.userId : remove.isPending ? remove.variables?.userId : undefined;
  return (
    <>
      <FormError message={error} />
      <table className="table" data-testid="member-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            {editable ? <th>Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {(members.data ?? []).map((m) => (
            <MemberRow
              key={m.userId}
              member={m}
              editable={editable}
              busy={pendingUserId === m.userId}
              onChangeRole={(role) => onChangeRole(m.userId, role)}
              onRemove={() => onRemove(m.userId)}
            />
          ))}
        </tbody>
      </table>
      {editable ? <AddMemberForm projectId={projectId} /> : null}
    </>
  );
}
