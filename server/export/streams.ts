// Rows in, bytes out: CSV through csv-stringify, or a JSON array, pulled page by page as the client reads.
import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";

export type ExportRow = Record<string, string | number | boolean | null>;

// A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula, so such text gets a
// leading apostrophe (OWASP's CSV injection advice). Numbers are not text and stay as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export function csvStream(columns: string[], rows: AsyncIterable<ExportRow>): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns, cast: { boolean: (v) => String(v), string: neutraliseFormula } });
  // pipeline (not pipe) carries a failure mid-download into the response stream, which then aborts instead of hanging.
  pipeline(Readable.from(rows), csv, () => {});
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

async function* jsonArray(rows: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  let first = true;
  yield Buffer.from("[");
  for await (const row of rows) {
    yield Buffer.from(`${first ? "\n" : ",\n"}${JSON.stringify(row)}`);
    first = false;
  }
  yield Buffer.from("\n]\n");
}

export function jsonStream(rows: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(jsonArray(rows))) as ReadableStream<Uint8Array>;
}

/** Walks keyset pages until one comes back short. */
export async function* pages<T extends { key: string; id: string }>(
  fetchPage: (after: { createdAt: string; id: string } | undefined) => Promise<T[]>,
  pageSize: number,
): AsyncGenerator<T> {
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const page = await fetchPage(after);
    yield* page;
    if (page.length < pageSize) return;
    const last = page.at(-1)!;
    after = { createdAt: last.key, id: last.id };
  }
}
