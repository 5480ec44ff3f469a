import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * better-auth: email + password, passwords hashed (scrypt), sessions stored in our database
 * through Prisma. Accounts are created by an admin or the seed — there is no public sign-up.
 * `nextCookies` lets the sign-in server action set the session cookie (the one Next.js import
 * in lib outside an actions file; see docs/decisions/002-auth-better-auth.md).
 */
export const auth = betterAuth({
  database: prismaAdapter(db, { provider: "sqlite" }),
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
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});
