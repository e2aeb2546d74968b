// A compact label-over-control pair for the filter builder's inline rows.
import type { ReactNode } from "react";

export function Labeled({ id, label, children, grow = false }: { id: string; label: string; children: ReactNode; grow?: boolean }) {
  return (
    <div className="field" style={{ marginBottom: 0, flex: grow ? "1 1 10rem" : "0 1 auto", minWidth: grow ? "8rem" : undefined }}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
