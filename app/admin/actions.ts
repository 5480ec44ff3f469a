"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/app/_auth/run-action";
import { db } from "@/lib/db";
import { isAppError, type ActionResult } from "@/lib/errors";
import { fieldErrors, parseInput } from "@/lib/validation";
import { addDictionaryWord, dictionaryWordSchema, removeDictionaryWord } from "@/lib/dictionary/dictionary-words";
import { undoDismissal } from "@/lib/suggestions/handle-suggestion";

const idVersion = z.object({ id: z.string().min(1), version: z.number().int().min(1) });

export async function undoDismissalAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    await undoDismissal({ db, actor, ...parseInput(idVersion, input, "Malformed request.") });
    revalidatePath("/admin/dismissals");
    return null;
  });
}

export interface WordFormState {
  error?: string;
  fields?: Record<string, string>;
  word?: string;
  added?: string;
}

export async function addWordAction(_prev: WordFormState, form: FormData): Promise<WordFormState> {
  const word = String(form.get("word") ?? "");
  const parsed = z.object({ word: dictionaryWordSchema }).safeParse({ word });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), word };
  const result = await runAction((actor) => addDictionaryWord({ db, actor, word: parsed.data.word }));
  if (!result.ok) return { error: result.error.message, fields: result.error.fields, word };
  revalidatePath("/admin/dictionary");
  return { added: result.data.word };
}

/** A denial or a word already gone comes back as a message for the button to show, never a throw (a 500). */
export async function removeWordAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    const { id } = parseInput(z.object({ id: z.string().min(1) }), input, "Malformed request.");
    try {
      await removeDictionaryWord({ db, actor, id });
    } catch (e) {
      // already gone: the list on screen should show what is there now. A refusal re-renders
      // nothing, so the message stays beside the button that was pressed.
      if (isAppError(e) && e.code === "not_found") revalidatePath("/admin/dictionary");
      throw e;
    }
    revalidatePath("/admin/dictionary");
    return null;
  });
}
