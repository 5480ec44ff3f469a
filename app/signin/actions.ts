"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { withClientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

const signInSchema = z.object({
  email: z.email("Enter your e-mail address."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

export interface SignInState {
  error?: string;
  fields?: { email?: string; password?: string };
  email?: string;
}

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  const email = String(form.get("email") ?? "");
  if (!parsed.success) {
    const fields: SignInState["fields"] = {};
    for (const i of parsed.error.issues) fields[i.path[0] as "email" | "password"] ??= i.message;
    return { fields, email };
  }
  try {
    // the attempt limits apply here too: they are better-auth hooks (lib/auth/auth.ts)
    // with the client's address as the HTTP route hands it over, so the session records it there too
    const withAddress = withClientAddress(await headers(), env.TRUSTED_PROXY_HEADER);
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: withAddress });
  } catch (e) {
    if (isAPIError(e) && e.statusCode === 429) return { error: e.message, email };
    if (isAPIError(e) && e.statusCode < 500) return { error: "That e-mail and password do not match an account.", email };
    throw e;
  }
  redirect(safeRedirectPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect("/signin");
}
