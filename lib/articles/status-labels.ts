import type { ArticleStatus } from "@/lib/workflow/statuses";

/**
 * What each article status reads as. Kept apart from the statuses' zod schema so that client
 * components showing a status (the article list's table) do not carry zod into the browser.
 */
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  ingested: "Ingested",
  editing: "Editing",
  in_review: "In review",
  approved: "Approved",
};
