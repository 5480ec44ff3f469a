import { z } from "zod";

export const ANNOTATION_CATEGORIES = ["typo", "missing_space", "punctuation", "style", "duplicate", "attribution", "other"] as const;
export const annotationCategorySchema = z.enum(ANNOTATION_CATEGORIES);
export type AnnotationCategory = z.infer<typeof annotationCategorySchema>;

export const CATEGORY_LABELS: Record<AnnotationCategory, string> = {
  typo: "Typo",
  missing_space: "Missing space",
  punctuation: "Punctuation",
  style: "Style",
  duplicate: "Duplicate",
  attribution: "Attribution",
  other: "Other",
};

export { ANNOTATION_STATUSES, type AnnotationStatus } from "@/lib/workflow/statuses";
