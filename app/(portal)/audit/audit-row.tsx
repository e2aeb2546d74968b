"use client";
// One audit event as a table row, with a disclosure row holding its before/after snapshots.
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { AuditChanges } from "../../_components/audit-changes";
import { shortId } from "./audit-format";

export type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

export const AUDIT_COLUMNS = ["Time", "Actor", "Action", "Entity", "Request", "Changes"] as const;

export function AuditRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const createdAt = new Date(event.createdAt);
  const iso = createdAt.toISOString();
  const detailsId = `audit-changes-${event.id}`;
  return (
    <>
      <tr data-testid="audit-row">
        <td style={{ whiteSpace: "nowrap" }}>
          <time dateTime={iso} title={iso}>
            {createdAt.toLocaleString()}
          </time>
        </td>
        <td>{event.actorEmail ?? <span className="muted">system</span>}</td>
        <td>
          <span className="badge">{event.action}</span>
        </td>
        <td>
          {event.entityType}{" "}
          <span className="mono" title={event.entityId}>
            {shortId(event.entityId)}
          </span>
        </td>
        <td>
          {event.requestId ? (
            <span className="mono" title={event.requestId}>
              {shortId(event.requestId)}
            </span>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>
          <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)}>
            <span aria-hidden="true">{open ? "▾" : "▸"}</span> Show changes
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open}>
        <td colSpan={AUDIT_COLUMNS.length}>{open ? <AuditChanges before={event.before} after={event.after} /> : null}</td>
      </tr>
    </>
  );
}
