export { ARTICLE_STATUSES, articleStatusSchema, type ArticleStatus } from "@/lib/workflow/statuses";
export { ARTICLE_STATUS_LABELS } from "./status-labels";
