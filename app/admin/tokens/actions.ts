"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/app/_auth/run-action";
import { createApiToken, revokeApiToken, tokenNameSchema } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/validation";

export interface TokenFormState {
  error?: string;
  fields?: Record<string, string>;
  /** the new token, shown once */
  created?: { name: string; token: string };
}

const createSchema = z.object({ name: tokenNameSchema, userId: z.string().min(1, "Choose a user.") });

export async function createTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  const parsed = createSchema.safeParse({ name: form.get("name"), userId: form.get("userId") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error) };
  const result = await runAction((actor) => createApiToken({ db, actor, ...parsed.data }));
  if (!result.ok) return { error: result.error.message, fields: result.error.fields };
  revalidatePath("/admin/tokens");
  return { created: { name: result.data.name, token: result.data.token } };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  await runAction((actor) => revokeApiToken({ db, actor, id }));
  revalidatePath("/admin/tokens");
}
