"use client";
// One member. Owners get a role select and a two-step Remove; everyone else sees plain text.
import { useState } from "react";
import { ROLES, isRole, type Role } from "@/domain/access";

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

interface MemberRowProps {
  member: Member;
  editable: boolean;
  busy: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
}

export function MemberRow({ member, editable, busy, onChangeRole, onRemove }: MemberRowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid="member-row">
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        {editable ? (
          <select
            className="input"
            aria-label={`Role of ${member.email}`}
            value={member.role}
            disabled={busy}
            onChange={(e) => isRole(e.target.value) && onChangeRole(e.target.value)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        ) : (
          <span className="badge">{member.role}</span>
        )}
      </td>
      {editable ? (
        <td>
          {confirming ? (
            <div className="row">
              <button
                type="button"
                className="btn btn-danger btn-small"
                disabled={busy}
                aria-label={`Confirm removing ${member.email}`}
                onClick={() => {
                  setConfirming(false);
                  onRemove();
                }}
              >
                Confirm remove?
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              aria-label={`Remove ${member.email}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
