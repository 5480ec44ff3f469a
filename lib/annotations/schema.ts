import { z } from "zod";
import { hasLoneSurrogate } from "@/lib/anchoring/quote-selector";
import { annotationCategorySchema } from "./categories";

// Half an emoji (a JSON "\ud83d" with no partner) is not text and cannot be stored: a field error, not a 500.
const wholeCharacters = (s: string) => !hasLoneSurrogate(s);
const brokenCharacter = "Contains half of an emoji or other broken character.";

/** Text fields of an annotation, shared by the form (client) and the server actions. */
const fields = {
  category: annotationCategorySchema,
  /** null: no change proposed; "" deletes the range */
  replacement: z.string().max(10_000, "Keep the replacement under 10,000 characters.").refine(wholeCharacters, brokenCharacter).nullable(),
  note: z.string().trim().max(5_000, "Keep the note under 5,000 characters.").refine(wholeCharacters, brokenCharacter).nullable(),
  speaker: z.string().trim().max(200, "Keep the speaker under 200 characters.").refine(wholeCharacters, brokenCharacter).nullable(),
};

// An attribution mark says who spoke; without a name it needs a note saying why not.
const namesSpeaker = (v: { category: string; speaker: string | null; note: string | null }) =>
  v.category !== "attribution" || !!v.speaker || !!v.note;
const speakerIssue = { path: ["speaker"], message: "Name the speaker (or add a note saying why there is none)." };

export const createAnnotationSchema = z
  .object({
    articleId: z.string().min(1),
    revisionId: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    ...fields,
  })
  .refine(namesSpeaker, speakerIssue);

export const updateAnnotationSchema = z
  .object({ id: z.string().min(1), version: z.number().int().min(1), ...fields })
  .refine(namesSpeaker, speakerIssue);

export const deleteAnnotationSchema = z.object({ id: z.string().min(1), version: z.number().int().min(1) });

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;
export type DeleteAnnotationInput = z.infer<typeof deleteAnnotationSchema>;
