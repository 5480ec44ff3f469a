/**
 * The annotation categories and what each reads as, without zod: client components that only show a
 * category (the article list's counts) import this, and the schema lives in ./categories.
 */
export const ANNOTATION_CATEGORIES = ["typo", "missing_space", "punctuation", "style", "duplicate", "attribution", "other"] as const;
export type AnnotationCategory = (typeof ANNOTATION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<AnnotationCategory, string> = {
  typo: "Typo",
  missing_space: "Missing space",
  punctuation: "Punctuation",
  style: "Style",
  duplicate: "Duplicate",
  attribution: "Attribution",
  other: "Other",
};
