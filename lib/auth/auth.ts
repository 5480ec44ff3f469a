import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db, dbProvider } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_HEADER, clientAddress } from "./client-address";
import { countOutcome, refuseIfLimited } from "./sign-in-hooks";
import type { SignInAttempt } from "./sign-in-limiter";

type HookContext = { path?: string; body?: unknown; headers?: Headers };

/** The e-mail and client of a sign-in, or null for any other endpoint (or a body without e-mail). */
function signInAttempt(ctx: HookContext): SignInAttempt | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (ctx.path !== "/sign-in/email" || typeof email !== "string") return null;
  return { email, client: ctx.headers ? clientAddress(ctx.headers, env.TRUSTED_PROXY_HEADER) : null };
}

/**
 * better-auth: email + password, passwords hashed (scrypt), sessions stored in our database
 * through Prisma. Accounts are created by an admin or the seed — there is no public sign-up.
 * `nextCookies` lets the sign-in server action set the session cookie (the one Next.js import
 * in lib outside an actions file; see docs/decisions/002-auth-better-auth.md).
 */
export const auth = betterAuth({
  database: prismaAdapter(db, { provider: dbProvider }),
  secret: env.BETTER_AUTH_SECRET,
  baseURL: env.BETTER_AUTH_URL,
  // only the app's own public origin may post to the auth endpoints (CSRF); set BETTER_AUTH_URL to
  // the address people type
  trustedOrigins: [new URL(env.BETTER_AUTH_URL).origin],
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
  session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
  user: {
    additionalFields: {
      role: { type: "string", required: true, defaultValue: "editor", input: false },
    },
  },
  // better-auth's own limiter guards its other HTTP endpoints (100 requests per 10 s per client and
  // path, stricter on password changes), in every environment, with its counters in the database so
  // that every app server counts against one allowance (decision 035). Sign-in is limited per account
  // and per client by the hooks below instead: an address-only limit would let one client lock out a
  // whole office behind one address
  rateLimit: { enabled: true, storage: "database", modelName: "authRateLimit", customRules: { "/sign-in/email": false } },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const attempt = signInAttempt(ctx);
      if (attempt) await refuseIfLimited(attempt);
    }),
    after: createAuthMiddleware(async (ctx) => {
      const attempt = signInAttempt(ctx);
      if (attempt) await countOutcome(attempt, ctx.context.returned);
    }),
  },
  advanced: {
    // the client address as our own limiter reads it (the connection's, or the configured proxy's
    // last entry), put in CLIENT_HEADER by the auth route; better-auth's own reading of
    // X-Forwarded-For would give up on a list and put every client in one shared bucket
    ipAddress: { ipAddressHeaders: [CLIENT_HEADER], ipv6Subnet: 64 },
  },
  // names are set by an admin (see create-user.ts) and stand for a person in reviews and the audit
  // log: nobody renames themselves, least of all to a colleague's name
  disabledPaths: ["/update-user"],
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});
