import type { ArticleStatus } from "@/lib/workflow/statuses";

export { ARTICLE_STATUSES, articleStatusSchema, type ArticleStatus } from "@/lib/workflow/statuses";

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  ingested: "Ingested",
  editing: "Editing",
  in_review: "In review",
  approved: "Approved",
};
