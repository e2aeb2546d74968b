import { z } from "zod";
import { emailSchema, passwordSchema } from "./auth";
import { idSchema } from "./common";

export const updateProfileInput = z.object({
  name: z.string().trim().min(1, { message: "Enter your name" }).max(100),
  email: emailSchema,
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, { message: "Enter your current password" }).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const setActiveProjectInput = z.object({ projectId: idSchema });
export type SetActiveProjectInput = z.infer<typeof setActiveProjectInput>;
