import { z } from "zod";

export const idSchema = z.uuid({ message: "Must be a valid id" });
export const projectScopedInput = z.object({ projectId: idSchema });
export type ProjectScopedInput = z.infer<typeof projectScopedInput>;
