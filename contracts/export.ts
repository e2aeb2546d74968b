// Query strings of the streamed exports. `filter` is the list's filter as base64url-encoded JSON, as the UI puts it in links.
import { z } from "zod";
import { idSchema } from "./common";
import { experimentListFilter } from "./experiment";
import { runFilterSchema } from "./run-filter";

function base64urlJson<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "filter must be base64url-encoded JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const EXPORT_FORMATS = ["csv", "json"] as const;

export const experimentExportQuery = z.object({
  projectId: idSchema,
  format: z.enum(EXPORT_FORMATS).default("csv"),
  filter: base64urlJson(experimentListFilter).optional(),
});
export type ExperimentExportQuery = z.infer<typeof experimentExportQuery>;

export const runExportQuery = z.object({
  projectId: idSchema,
  experimentId: idSchema.optional(),
  format: z.enum(EXPORT_FORMATS).default("csv"),
  filter: base64urlJson(runFilterSchema).optional(),
});
export type RunExportQuery = z.infer<typeof runExportQuery>;

export function encodeExportFilter(filter: unknown): string {
  return Buffer.from(JSON.stringify(filter), "utf8").toString("base64url");
}
