// Membership invariants: a project always keeps at least one owner.
import type { Role } from "./access";
import { DomainError } from "./errors";

export interface OwnerChange {
  owners: readonly string[];
  userId: string;
  /** The member's new role, or null when the member is removed. */
  nextRole: Role | null;
}

export function assertOwnerRemains({ owners, userId, nextRole }: OwnerChange): void {
  const losesOwner = owners.includes(userId) && nextRole !== "owner";
  if (losesOwner && owners.length <= 1) {
    throw new DomainError(
      "CONFLICT",
      "This is the project's last owner. Make another member an owner first.",
      { reason: "last_owner" },
    );
  }
}

export function assertProjectNameConfirmed(actualName: string, typedName: string): void {
  if (actualName !== typedName) {
    throw new DomainError("BAD_INPUT", "The typed name does not match the project name.", {
      fieldErrors: { confirmName: [`Type “${actualName}” exactly to confirm`] },
    });
  }
}
