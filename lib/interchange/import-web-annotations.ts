import { reanchor } from "@/lib/anchoring/reanchor";
import { isValidRange, quoteSelector } from "@/lib/anchoring/quote-selector";
import { createAnnotationSchema } from "@/lib/annotations/schema";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { currentRevision } from "@/lib/articles/current-revision";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writtenBy } from "@/lib/review/review-rules";
import { claimNumbers } from "@/lib/annotations/claim-numbers";
import { fromWebAnnotation, utf16Offset } from "@/lib/w3c/from-web-annotation";
import { announce } from "@/lib/live/publish";

export interface ImportReport {
  imported: { index: number; id: string; method: string }[];
  failed: { index: number; sourceId?: string; reason: string }[];
}

/**
 * Put W3C annotations (from another tool, or a Copydesk export) onto the article's current revision.
 * Each is anchored by its quote and context (a position selector is used only when its text still
 * reads as the quote); what cannot be placed with confidence is reported, never dropped silently.
 */
export async function importWebAnnotations({ db, actor, articleId, document }: { db: Db; actor: Actor; articleId: string; document: unknown }): Promise<ImportReport> {
  assertCan(actor, "annotation:create");
  const parsed = fromWebAnnotation(document);
  if (!parsed.ok) throw new AppError("bad_input", parsed.message, { body: parsed.message });
  const committed = db.$transaction(async (tx) => {
    await assertArticleOpen(tx, articleId);
    const revision = await currentRevision(tx, articleId);
    const text = revision.text;
    const report: ImportReport = { imported: [], failed: parsed.errors.map((e) => ({ index: e.index, sourceId: e.id, reason: e.message })) };

    for (const item of parsed.annotations) {
      const start = item.start === undefined ? 0 : utf16Offset(text, item.start);
      const end = item.end === undefined ? 0 : utf16Offset(text, item.end);
      const placed =
        item.start !== undefined && isValidRange(text, start, end) && text.slice(start, end) === item.exact
          ? { status: "anchored" as const, start, end, method: "position" }
          : uniqueQuote(text, item.exact) ?? reanchor({ start, end, exact: item.exact, prefix: item.prefix, suffix: item.suffix }, text);
      if (placed.status !== "anchored") {
        report.failed.push({ index: item.index, sourceId: item.sourceId, reason: `not anchored: ${placed.reason}` });
        continue;
      }
      const fields = createAnnotationSchema.safeParse({
        articleId, revisionId: revision.id, start: placed.start, end: placed.end,
        category: item.category, replacement: item.replacement, note: item.note, speaker: item.speaker,
      });
      if (!fields.success) {
        report.failed.push({ index: item.index, sourceId: item.sourceId, reason: fields.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        continue;
      }
      const row = await tx.annotation.create({
        data: {
          articleId, number: await claimNumbers(tx, articleId), revisionId: revision.id, start: placed.start, end: placed.end, ...quoteSelector(text, placed.start, placed.end),
          category: fields.data.category, replacement: fields.data.replacement, note: fields.data.note || null, speaker: fields.data.speaker || null,
          status: "proposed", source: "import", authorId: actor.id, ...writtenBy(actor),
        },
        select: { id: true },
      });
      report.imported.push({ index: item.index, id: row.id, method: placed.method });
    }
    if (report.imported.length > 0) {
      await tx.article.updateMany({ where: { id: articleId, status: "ingested" }, data: { status: "editing" } });
    }
    await recordEvent(tx, {
      articleId, actorId: actor.id, action: "import", entityType: "article", entityId: articleId,
      after: { imported: report.imported.length, failed: report.failed.length },
    });
    return report;
  });
  return announce(committed, actor, () => ({ articleId, what: "annotation" }));
}

// Other tools often send a short context (or none), which reanchor rightly weighs little. A quote of
// some length that occurs exactly once in the text is unambiguous on its own.
const DISTINCTIVE_QUOTE = 10;

function uniqueQuote(text: string, exact: string) {
  if (exact.length < DISTINCTIVE_QUOTE) return null;
  const at = text.indexOf(exact);
  if (at < 0 || text.indexOf(exact, at + 1) >= 0) return null;
  // a quote that begins or ends with half an emoji matches inside a pair: not a range anyone selected
  if (!isValidRange(text, at, at + exact.length)) return null;
  return { status: "anchored" as const, start: at, end: at + exact.length, method: "unique quote" };
}
