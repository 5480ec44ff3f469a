import { z } from "zod";
import { AppError } from "@/lib/errors";
import { blockKindSchema, type ParsedArticle } from "./blocks";
import { MAX_BLOCKS, MAX_SOURCE_BYTES } from "./limits";

/** A parsed article as it comes back from the preview form: the editor may have changed kinds. */
export const parsedArticleSchema = z.object({
  text: z.string().max(MAX_SOURCE_BYTES),
  blocks: z
    .array(z.object({ kind: blockKindSchema, start: z.number().int().min(0), end: z.number().int().min(0) }))
    .min(1)
    .max(MAX_BLOCKS),
});

/**
 * The invariants every stored revision keeps: blocks in order, non-empty, inside the text,
 * not overlapping, and only whitespace between them. Checked again on the server because the
 * preview round-trips through the browser.
 */
export function validateParsed(input: unknown): ParsedArticle {
  const parsed = parsedArticleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_input", "The article structure was malformed; preview it again.");
  const { text, blocks } = parsed.data;
  if (text.trim().length === 0) throw new AppError("empty", "The text is empty: there is no article text to ingest.");
  let at = 0;
  for (const b of blocks) {
    if (b.start < at || b.end <= b.start || b.end > text.length || text.slice(at, b.start).trim() !== "") {
      throw new AppError("bad_input", "The article structure does not match its text; preview it again.");
    }
    at = b.end;
  }
  if (text.slice(at).trim() !== "") throw new AppError("bad_input", "The article structure does not cover its text; preview it again.");
  return { text, blocks };
}
