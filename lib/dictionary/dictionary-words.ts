import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** One word: letters (any script), digits, apostrophes, hyphens and dots (for "D.C."-style forms). */
export const dictionaryWordSchema = z
  .string()
  .trim()
  .min(1, "Enter a word.")
  .max(64, "Keep a word under 64 characters.")
  .regex(/^[\p{L}\p{M}\d'’.-]+$/u, "One word only: letters, digits, apostrophes, hyphens or dots.");

export async function listDictionaryWords({ db }: { db: Db }) {
  return db.dictionaryWord.findMany({ orderBy: { lower: "asc" }, select: { id: true, word: true, createdAt: true, addedBy: { select: { name: true } } } });
}

export async function addDictionaryWord({ db, actor, word }: { db: Db; actor: Actor; word: string }) {
  assertCan(actor, "dictionary:edit");
  const clean = dictionaryWordSchema.parse(word);
  return db.$transaction(async (tx) => {
    if (await tx.dictionaryWord.findUnique({ where: { lower: clean.toLowerCase() } })) {
      throw new AppError("conflict", `“${clean}” is already in the newsroom dictionary.`, { word: "Already in the dictionary." });
    }
    const row = await tx.dictionaryWord.create({ data: { word: clean, lower: clean.toLowerCase(), addedById: actor.id } });
    await recordEvent(tx, { articleId: null, actorId: actor.id, action: "add_dictionary_word", entityType: "dictionary_word", entityId: row.id, after: { word: clean } });
    return row;
  });
}

export async function removeDictionaryWord({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  assertCan(actor, "dictionary:edit");
  await db.$transaction(async (tx) => {
    const row = await tx.dictionaryWord.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "That word is no longer in the dictionary.");
    await tx.dictionaryWord.delete({ where: { id } });
    await recordEvent(tx, { articleId: null, actorId: actor.id, action: "remove_dictionary_word", entityType: "dictionary_word", entityId: id, before: { word: row.word } });
  });
}
