// POST /api/auth/sign-in: JSON credentials in, session cookie out; rate-limited per email and client address.
import { AuthError } from "next-auth";
import { signInInput } from "../../contracts/auth";
import { getDb } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { toErrorResponse } from "../errors";
import { clientAddress, readJsonBody } from "../http";
import { checkRateLimit } from "../rate-limit";
import { resolveRequestId } from "../request-id";
import { signIn } from "./config";

export const SIGN_IN_LIMIT = {
  max: Number(process.env.SIGN_IN_MAX_ATTEMPTS || 10),
  windowSeconds: Number(process.env.SIGN_IN_WINDOW_SECONDS || 600),
};

export async function handleSignIn(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  try {
    const input = signInInput.parse(await readJsonBody(request));
    await checkRateLimit(getDb(), `sign-in:${input.email}:${clientAddress(request.headers)}`, SIGN_IN_LIMIT);
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (error) {
      if (error instanceof AuthError) throw new DomainError("UNAUTHENTICATED", "Email or password is incorrect.");
      throw error;
    }
    return Response.json({ ok: true }, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
