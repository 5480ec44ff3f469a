import { z } from "zod";

export const ARTICLE_STATUSES = ["ingested", "editing", "in_review", "approved"] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  ingested: "Ingested",
  editing: "Editing",
  in_review: "In review",
  approved: "Approved",
};
