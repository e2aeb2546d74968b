// CSV backfill files → ingest readings, each remembering the line it started on so receipts can name CSV lines.
// Columns: `timestamp,raw_value[,…]` with a header row; any further columns become the reading's meta. Cells stay
// as close to the text as possible so the ingest pipeline's per-reading validation (not this parser) decides what is
// rejected: a non-numeric raw value reaches it as a string and comes back as `invalid_value` for that line.
import { CsvError, parse } from "csv-parse/sync";
import { DomainError } from "../../../domain/errors";

export const REQUIRED_COLUMNS = ["timestamp", "raw_value"] as const;

export interface CsvReading {
  line: number;
  reading: { timestamp: unknown; raw_value: unknown; meta?: Record<string, string> };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_MS = /^\d+$/;

function badCsv(message: string, fieldErrors?: Record<string, string[]>): DomainError {
  return new DomainError("BAD_INPUT", message, { fieldErrors: fieldErrors ?? { file: [message] } });
}

function toReading(record: Record<string, string | undefined>): CsvReading["reading"] {
  const { timestamp = "", raw_value: raw = "", ...rest } = record;
  const meta = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
  return {
    timestamp: EPOCH_MS.test(timestamp) ? Number(timestamp) : timestamp,
    raw_value: DECIMAL.test(raw) ? Number(raw) : raw,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

/** The line a record starts on: csv-parse counts to its end, and quoted cells may span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

export function parseReadingsCsv(text: string): CsvReading[] {
  let header: string[] = [];
  let records: { record: Record<string, string | undefined>; info: { lines: number }; raw: string }[];
  try {
    records = parse(text.replace(/\r\n?/g, "\n"), {
      bom: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim())),
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof CsvError) throw badCsv(`The CSV file cannot be parsed: ${error.message}`);
    throw error;
  }
  if (header.length === 0) throw badCsv("The CSV file is empty. Start it with the header row timestamp,raw_value.");
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw badCsv(`The CSV header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Expected timestamp,raw_value[,meta…].`);
  }
  if (records.length === 0) throw badCsv("The CSV file has a header but no readings.");
  return records.map(({ record, info, raw }) => ({ line: startLine(info.lines, raw), reading: toReading(record) }));
}
