"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";

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
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch {
    return { error: "That e-mail and password do not match an account.", email };
  }
  // only same-site paths: never an open redirect
  const next = parsed.data.next?.startsWith("/") && !parsed.data.next.startsWith("//") ? parsed.data.next : "/";
  redirect(next);
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect("/signin");
}
