import { z } from "zod";
import { ROLES } from "../domain/access";
import { emailSchema } from "./auth";
import { idSchema, projectScopedInput } from "./common";

const projectFields = {
  name: z.string().trim().min(1, { message: "Enter a project name" }).max(120, { message: "Use at most 120 characters" }),
  description: z.string().trim().max(2000, { message: "Use at most 2000 characters" }),
};

export const createProjectInput = z.object({ ...projectFields, description: projectFields.description.default("") });
export type CreateProjectInput = z.infer<typeof createProjectInput>;

// Built from the plain fields: a default inside .partial() would blank a description the caller did not send.
export const updateProjectInput = z.object(projectFields).partial().extend({ projectId: idSchema });
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const deleteProjectInput = projectScopedInput.extend({
  confirmName: z.string().min(1, { message: "Type the project name to confirm" }),
});
export type DeleteProjectInput = z.infer<typeof deleteProjectInput>;

export const roleSchema = z.enum(ROLES);

export const addMemberInput = projectScopedInput.extend({ email: emailSchema, role: roleSchema.default("viewer") });
export type AddMemberInput = z.infer<typeof addMemberInput>;

export const changeMemberRoleInput = projectScopedInput.extend({ userId: idSchema, role: roleSchema });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>;

export const removeMemberInput = projectScopedInput.extend({ userId: idSchema });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

export const locateInput = z.object({ kind: z.enum(["experiment", "run", "captureSession"]), id: idSchema });
export type LocateInput = z.infer<typeof locateInput>;
