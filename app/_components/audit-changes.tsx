// One event's before/after snapshots side by side, with the top-level keys that changed.
import { changedKeys, prettyJson } from "../_lib/json";
import { CodeBlock } from "./detail-list";

export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const keys = changedKeys(before, after);
  return (
    <div>
      {keys ? (
        <div className="row" style={{ marginBottom: "0.5rem" }}>
          <span className="muted">Changed keys:</span>
          {keys.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul aria-label="Changed keys" className="row" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.35rem" }}>
              {keys.map((key) => (
                <li key={key}>
                  <code className="mono">{key}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))", gap: "0.75rem" }}>
        <Snapshot label="Before" value={before} />
        <Snapshot label="After" value={after} />
      </div>
    </div>
  );
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <figcaption className="muted" style={{ fontSize: "0.8rem", fontWeight: 600, marginBottom: "0.25rem" }}>
        {label}
      </figcaption>
      <CodeBlock maxHeight="20rem">{prettyJson(value)}</CodeBlock>
    </figure>
  );
}
