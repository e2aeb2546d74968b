// A timestamp in the viewer's locale, with the exact instant in `dateTime` (and, when shortened, as a tooltip).
export function DateTime({ value, full = false }: { value: Date | string; full?: boolean }) {
  const date = new Date(value);
  const long = date.toLocaleString();
  return (
    <time dateTime={date.toISOString()} title={full ? undefined : long} style={{ whiteSpace: "nowrap" }}>
      {full ? long : date.toLocaleDateString()}
    </time>
  );
}
