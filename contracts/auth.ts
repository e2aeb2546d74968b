import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" }));

export const passwordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters" })
  .max(200, { message: "Use at most 200 characters" })
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), { message: "Mix letters and digits" });

export const signUpInput = z.object({
  name: z.string().trim().min(1, { message: "Enter your name" }).max(100),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;
