// A run's params typed as `key=value` lines, one per line: `true` / `false` → boolean, a number → number, `"quoted"`
// or anything else → string. Pure, so the form and its tests share it. Relative imports: this module is unit-tested.
import { z } from "zod";
import { paramsSchema, type RunParams } from "../../../../contracts/run";

export type ParamValue = RunParams[string];

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

/** The typed value of the text after `=`. Integers too large to keep exactly stay text, like `"quoted"` values. */
export function parseParamValue(raw: string): ParamValue {
  const text = raw.trim();
  if (text === "true") return true;
  if (text === "false") return false;
  if (NUMBER.test(text)) {
    const number = Number(text);
    if (Number.isFinite(number) && (!INTEGER.test(text) || Number.isSafeInteger(number))) return number;
    return text;
  }
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return unquote(text);
  return text;
}

/** JSON string rules (so `"a \"b\""` works), or just the quotes removed when it is not valid JSON. */
function unquote(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : text.slice(1, -1);
  } catch {
    return text.slice(1, -1);
  }
}

export interface ParsedParamLines {
  params: RunParams;
  /** "Line 2: use key=value", in line order. */
  errors: string[];
  /** The line each key was set on. */
  lines: Map<string, number>;
}

/** Blank lines are skipped; the key is everything before the first `=`, trimmed. */
export function parseParamLines(text: string): ParsedParamLines {
  const entries: Array<[string, ParamValue]> = [];
  const lines = new Map<string, number>();
  const errors: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === "") return;
    const at = line.indexOf("=");
    const key = at === -1 ? "" : line.slice(0, at).trim();
    if (at === -1) errors.push(`Line ${number}: use key=value`);
    else if (key === "") errors.push(`Line ${number}: put the param name before “=”`);
    else if (lines.has(key)) errors.push(`Line ${number}: “${key}” is already set on line ${lines.get(key)}`);
    else {
      lines.set(key, number);
      entries.push([key, parseParamValue(line.slice(at + 1))]);
    }
  });
  // fromEntries defines own properties, so a key like "__proto__" is a param, not a prototype.
  return { params: Object.fromEntries(entries), errors, lines };
}

/** The params textarea as a form field: line errors first, then the contract's rules, each message naming its line. */
export const paramLinesText = z.string().transform((text, ctx): RunParams => {
  const { params, errors, lines } = parseParamLines(text);
  for (const message of errors) ctx.addIssue({ code: "custom", message });
  if (errors.length > 0) return z.NEVER;
  const result = paramsSchema.safeParse(params);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    const line = typeof key === "string" ? lines.get(key) : undefined;
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    ctx.addIssue({ code: "custom", message: line ? `Line ${line}: ${message}` : message });
  }
  return z.NEVER;
});
