import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentRevision } from "@/lib/articles/current-revision";
import { toHtml, toMarkdown, toPlainText } from "./article-export";
import { changeReport, changeReportCsv, changeReportMarkdown, waivedFindings } from "./change-report";

export const EXPORT_FORMATS = ["txt", "md", "html", "changes.md", "changes.csv"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  "changes.md": "text/markdown; charset=utf-8",
  "changes.csv": "text/csv; charset=utf-8",
};

/** The current revision (or its change report) in one format, and an audit event saying who took it. */
export async function exportArticle({ db, actor, articleId, format }: { db: Db; actor: Actor; articleId: string; format: ExportFormat }) {
  assertCan(actor, "article:read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { title: true } });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  const revision = await currentRevision(db, articleId);
  const doc = { text: revision.text, blocks: revision.blocks };
  const body =
    format === "txt" ? toPlainText(doc)
    : format === "md" ? toMarkdown(doc)
    : format === "html" ? toHtml(doc)
    : format === "changes.md" ? changeReportMarkdown(article.title, await changeReport({ db, actor, articleId }), await waivedFindings({ db, actor, articleId }))
    : changeReportCsv(await changeReport({ db, actor, articleId }));
  await db.$transaction((tx) =>
    recordEvent(tx, { articleId, actorId: actor.id, action: "export", entityType: "revision", entityId: articleId, after: { format, revision: revision.number } }),
  );
  const slug = article.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "article";
  return { body, contentType: CONTENT_TYPES[format], fileName: `${slug}-r${revision.number}.${format === "changes.md" ? "changes.md" : format}` };
}
