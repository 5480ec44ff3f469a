import { setImmediate as nextTurn } from "node:timers/promises";
import { reanchor } from "@/lib/anchoring/reanchor";
import { isValidRange, quoteSelector } from "@/lib/anchoring/quote-selector";
import { createAnnotationSchema } from "@/lib/annotations/schema";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { currentRevision } from "@/lib/articles/current-revision";
import { lockArticle } from "@/lib/articles/lock-article";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writtenBy } from "@/lib/review/review-rules";
import { claimNumbers } from "@/lib/annotations/claim-numbers";
import { fromWebAnnotation, utf16Offset, type ImportedAnnotation } from "@/lib/w3c/from-web-annotation";
import { announce } from "@/lib/live/publish";

export interface ImportReport {
  imported: { index: number; id: string; method: string }[];
  failed: { index: number; sourceId?: string; reason: string }[];
}

/** Annotations per request: an article's worth (the scale bench's longest has ~2,200 marks), with room. */
export const MAX_IMPORT_ANNOTATIONS = 5_000;
/**
 * Time one import may spend placing annotations. Placing is near-linear per annotation (exact copies
 * by indexOf, an approximate search only for quotes up to MAX_FUZZY_QUOTE), but thousands of
 * them in a 2 MB text add up; what is left when the budget runs out is reported, not placed.
 */
export const IMPORT_ANCHOR_BUDGET_MS = 10_000;
/** Longer quotes are placed only where they occur word for word, once: an approximate search grows with their length. */
export const MAX_FUZZY_QUOTE = 2_000;
/** Place this many, then let other requests in (a turn of the event loop). */
const PLACE_BETWEEN_TURNS = 25;

/**
 * Put W3C annotations (from another tool, or a Copydesk export) onto the article's current revision.
 * Each is anchored by its quote and context (a position selector is used only when its text still
 * reads as the quote); what cannot be placed with confidence is reported, never dropped silently.
 * The placing happens before the transaction, a few annotations per turn of the event loop, so a big
 * import holds neither the server thread nor SQLite's one connection; the transaction then stores
 * them only if the revision they were placed on is still the newest.
 */
export async function importWebAnnotations({ db, actor, articleId, document }: { db: Db; actor: Actor; articleId: string; document: unknown }): Promise<ImportReport> {
  assertCan(actor, "annotation:create");
  const parsed = fromWebAnnotation(document);
  if (!parsed.ok) throw new AppError("bad_input", parsed.message, { body: parsed.message });
  if (parsed.annotations.length > MAX_IMPORT_ANNOTATIONS) {
    const message = `The document has ${parsed.annotations.length.toLocaleString("en")} annotations; import at most ${MAX_IMPORT_ANNOTATIONS.toLocaleString("en")} at a time.`;
    throw new AppError("bad_input", message, { body: message });
  }
  await assertArticleOpen(db, articleId);
  const revision = await currentRevision(db, articleId);
  const failed: ImportReport["failed"] = parsed.errors.map((e) => ({ index: e.index, sourceId: e.id, reason: e.message }));
  const placedItems = await placeAll(revision.text, parsed.annotations, failed);

  const committed = db.$transaction(async (tx) => {
    await lockArticle(tx, articleId);
    await assertArticleOpen(tx, articleId);
    const newest = await tx.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true } });
    if (newest?.id !== revision.id) {
      throw new AppError("conflict", "The article got a new revision while the annotations were being placed. Send them again: they will be placed on the new text.");
    }
    const text = revision.text;
    const report: ImportReport = { imported: [], failed: [...failed] };
    for (const { item, placed } of placedItems) {
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
    report.failed.sort((a, b) => a.index - b.index);
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

type Placed = { status: "anchored"; start: number; end: number; method: string };

/** Each annotation's place in `text`, or its reason in `failed`; within IMPORT_ANCHOR_BUDGET_MS. */
async function placeAll(text: string, items: ImportedAnnotation[], failed: ImportReport["failed"]) {
  const placed: { item: ImportedAnnotation; placed: Placed }[] = [];
  const began = performance.now();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0 && i % PLACE_BETWEEN_TURNS === 0) {
      await nextTurn();
      if (performance.now() - began > IMPORT_ANCHOR_BUDGET_MS) {
        for (const rest of items.slice(i)) {
          failed.push({ index: rest.index, sourceId: rest.sourceId, reason: `not tried: placing took longer than ${IMPORT_ANCHOR_BUDGET_MS / 1000} s in all; import the rest again in smaller batches` });
        }
        break;
      }
    }
    const where = place(text, item);
    if (where.status === "anchored") placed.push({ item, placed: where });
    else failed.push({ index: item.index, sourceId: item.sourceId, reason: `not anchored: ${where.reason}` });
  }
  return placed;
}

function place(text: string, item: ImportedAnnotation): Placed | { status: "orphaned"; reason: string } {
  const start = item.start === undefined ? 0 : utf16Offset(text, item.start);
  const end = item.end === undefined ? 0 : utf16Offset(text, item.end);
  if (item.start !== undefined && isValidRange(text, start, end) && text.slice(start, end) === item.exact) return { status: "anchored", start, end, method: "position" };
  const unique = uniqueQuote(text, item.exact);
  if (unique) return unique;
  if (item.exact.length > MAX_FUZZY_QUOTE) {
    return { status: "orphaned", reason: `a quote over ${MAX_FUZZY_QUOTE.toLocaleString("en")} characters is placed only where it occurs word for word, once; this one (${item.exact.length.toLocaleString("en")} characters) does not` };
  }
  const found = reanchor({ start, end, exact: item.exact, prefix: item.prefix, suffix: item.suffix }, text);
  return found.status === "anchored" ? { status: "anchored", start: found.start, end: found.end, method: found.method } : found;
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
