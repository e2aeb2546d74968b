// The opaque keyset cursor of experiment.list: base64url of [sort field, direction, sort key text, id]. The field and
// direction travel along so that a cursor from one sort order is refused by another instead of paging wrongly.
import { z } from "zod";
import { EXPERIMENT_SORT_FIELDS } from "../../../contracts/experiment";
import { idSchema, sortDirectionSchema } from "../../../contracts/common";
import type { ExperimentSortField, SortDirection } from "../../../db/queries/experiments";
import { DomainError } from "../../../domain/errors";

export interface ExperimentSort {
  field: ExperimentSortField;
  direction: SortDirection;
}

/** Timestamps travel as UTC ISO text with microseconds, exactly as db/queries/experiments.ts writes them. */
const TIMESTAMP_KEY = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real instant (no 30 February), so the database never sees a cast it would fail with a 500. */
function isTimestampKey(value: string): boolean {
  if (!TIMESTAMP_KEY.test(value)) return false;
  const millis = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(millis.getTime()) && millis.toISOString().slice(0, 23) === value.slice(0, 23);
}

const cursorTuple = z.tuple([z.enum(EXPERIMENT_SORT_FIELDS), sortDirectionSchema, z.string().max(1000).regex(/^[^\0]*$/), idSchema]);

export function encodeCursor(sort: ExperimentSort, row: { sortKey: string; id: string }): string {
  return Buffer.from(JSON.stringify([sort.field, sort.direction, row.sortKey, row.id]), "utf8").toString("base64url");
}

function invalid(message: string): DomainError {
  return new DomainError("BAD_INPUT", message, { fieldErrors: { cursor: [message] } });
}

export function decodeCursor(cursor: string, sort: ExperimentSort): { value: string; id: string } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("Invalid cursor. Start again from the first page.");
  }
  const parsed = cursorTuple.safeParse(json);
  if (!parsed.success) throw invalid("Invalid cursor. Start again from the first page.");
  const [field, direction, value, id] = parsed.data;
  if (field !== sort.field || direction !== sort.direction) {
    throw invalid("This cursor belongs to another sort order. Start again from the first page.");
  }
  if (field !== "name" && !isTimestampKey(value)) {
    throw invalid("Invalid cursor. Start again from the first page.");
  }
  return { value, id };
}
