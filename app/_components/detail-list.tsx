// Read-only building blocks of the detail pages and tables: a term/value grid, a row of tag pills, a JSON block.
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";

const listStyle: CSSProperties = { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.5rem 1.25rem", margin: 0 };

/** A `<dl>` laid out as two columns, terms on the left; the children are its `<dt>`/`<dd>` pairs. */
export function DetailList({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <dl style={listStyle} data-testid={testId}>
      {children}
    </dl>
  );
}

/** The tags as pills, or `empty` (muted) when there are none. */
export function TagList({ tags, empty }: { tags: readonly string[]; empty: string }) {
  if (tags.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="row" aria-label="Tags" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.25rem" }}>
      {tags.map((tag) => (
        <li key={tag} className="badge">
          {tag}
        </li>
      ))}
    </ul>
  );
}

const codeStyle: CSSProperties = {
  margin: 0,
  padding: "0.6rem 0.75rem",
  background: "var(--bg)",
  border: "1px solid var(--border)",
  borderRadius: "var(--radius)",
  fontFamily: "var(--mono)",
  fontSize: "0.8rem",
  overflow: "auto",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
};

type CodeBlockProps = Omit<HTMLAttributes<HTMLPreElement>, "style"> & { maxHeight?: string; testId?: string };

/** Preformatted text (indented JSON) in a bordered box that scrolls past `maxHeight`. */
export function CodeBlock({ maxHeight = "24rem", testId, ...rest }: CodeBlockProps) {
  return <pre style={{ ...codeStyle, maxHeight }} data-testid={testId} {...rest} />;
}
