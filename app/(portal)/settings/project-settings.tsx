"use client";
// Project settings: details, members, webhooks and deletion. Controls a role cannot use are not rendered at all.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { NoProject } from "../../_components/no-project";
import { FormError } from "../../_components/form";
import { Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { useActiveProject } from "../../_lib/use-active-project";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { MembersDialog } from "./members-dialog";
import { ProjectDialog } from "./project-dialog";
import { WebhooksSection } from "./webhooks-section";

type OpenDialog = "edit" | "members" | "delete" | null;
type ActiveProject = NonNullable<ReturnType<typeof useActiveProject>["project"]>;
type Can = ReturnType<typeof useActiveProject>["can"];

export function ProjectSettings() {
  const { project, can, isLoading } = useActiveProject();
  if (isLoading) return <Skeleton lines={5} label="Loading project settings" />;
  if (!project) return <NoProject />;
  // Keyed by project: switching projects starts fresh, with every dialog closed.
  return <Settings key={project.id} project={project} can={can} />;
}

function Settings({ project, can }: { project: ActiveProject; can: Can }) {
  const trpc = useTRPC();
  const details = useQuery(trpc.project.byId.queryOptions({ projectId: project.id }));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const info = details.data;

  return (
    <>
      <h1>Project settings</h1>
      <p className="muted">for {project.name}</p>

      <section className="card" aria-labelledby="project-heading">
        <div className="row">
          <h2 id="project-heading">Project</h2>
          <span className="spacer" />
          {can("project:write") ? (
            <button type="button" className="btn" onClick={() => setDialog("edit")} data-testid="project-edit-button">
              Edit project
            </button>
          ) : null}
        </div>
        {details.isLoading ? (
          <Skeleton lines={4} label="Loading project" />
        ) : details.error || !info ? (
          <FormError message={messageOf(details.error)} />
        ) : (
          <dl data-testid="project-details">
            <dt className="muted">Name</dt>
            <dd>{info.name}</dd>
            <dt className="muted">Description</dt>
            <dd>{info.description || <span className="muted">No description</span>}</dd>
            <dt className="muted">Your role</dt>
            <dd>
              <span className="badge">{info.role}</span>
            </dd>
            <dt className="muted">Members</dt>
            <dd>{info.memberCount}</dd>
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <p className="muted">
          {can("members:write") ? "Add people by email, change their role or remove them." : "Only owners can change who is in the project."}
        </p>
        <button type="button" className="btn" onClick={() => setDialog("members")} data-testid="members-button">
          Members
        </button>
      </section>

      {can("webhooks:write") ? <WebhooksSection projectId={project.id} /> : null}

      {can("project:delete") ? (
        <section className="card" aria-labelledby="danger-heading" style={{ borderColor: "var(--danger)" }}>
          <h2 id="danger-heading">Danger zone</h2>
          <p className="muted">Deleting the project removes its experiments, runs and memberships for everyone.</p>
          <button type="button" className="btn btn-danger" onClick={() => setDialog("delete")} data-testid="project-delete-button">
            Delete project
          </button>
        </section>
      ) : null}

      {can("project:write") ? <ProjectDialog open={dialog === "edit"} onClose={close} project={project} /> : null}
      <MembersDialog open={dialog === "members"} onClose={close} projectId={project.id} editable={can("members:write")} />
      {can("project:delete") ? <DeleteProjectDialog open={dialog === "delete"} onClose={close} project={project} /> : null}
    </>
  );
}
