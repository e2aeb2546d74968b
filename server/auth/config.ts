// next-auth v5: credentials always, a generic OIDC provider when OIDC_ISSUER is set. Sessions are JWTs carrying a session version.
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "../../contracts/auth";
import { getDb } from "../../db/client";
import { logger } from "../logger";
import { findOrCreateOidcUser, verifyCredentials } from "../services/account";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-settings";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    uid?: string;
    sv?: number;
  }
}

function oidcProvider(): NextAuthConfig["providers"] {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer) return [];
  return [
    {
      id: "oidc",
      name: process.env.OIDC_NAME || "Single sign-on",
      type: "oidc",
      issuer,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
    },
  ];
}

export const oidcEnabled = Boolean(process.env.OIDC_ISSUER);

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error: (error) => {
      if (error.name !== "CredentialsSignin") logger.error({ err: error }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(getDb(), parsed.data);
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async jwt({ token, user, account }) {
      if (user && account?.provider === "credentials") {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      } else if (user?.email && account) {
        const dbUser = await findOrCreateOidcUser(getDb(), { email: user.email, name: user.name ?? user.email }, crypto.randomUUID());
        token.uid = dbUser.id;
        token.sv = dbUser.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
});
