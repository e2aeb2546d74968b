// A plain table with one header row of column names, scrolling sideways when it does not fit.
import type { ReactNode } from "react";

interface Props {
  columns: readonly string[];
  children: ReactNode;
  testId?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  /** Marks the scroll wrapper busy while a refetch runs; left out, the wrapper says nothing. */
  busy?: boolean;
}

export function DataTable({ columns, children, testId, busy, ...aria }: Props) {
  return (
    <div style={{ overflowX: "auto" }} aria-busy={busy}>
      <table className="table" {...aria} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
