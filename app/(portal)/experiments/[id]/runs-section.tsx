// The slot for the experiment's runs. The runs table replaces this placeholder with
// <RunsTable experimentId={experimentId} projectId={projectId} /> from "./runs-table".

interface RunsSectionProps {
  experimentId: string;
  projectId: string;
}

export function RunsSection(_props: RunsSectionProps) {
  return (
    <section aria-label="Runs" data-testid="runs-section" className="card">
      <h2>Runs</h2>
      <p className="muted">Runs appear here.</p>
    </section>
  );
}
