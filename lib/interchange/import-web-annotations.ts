import { quoteSelector } from "@/lib/anchoring/quote-selector";
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
import { processWide } from "@/lib/process-wide";
import { entryPath, SerialThread, ThreadBudgetExceeded, ThreadBusy } from "@/lib/threads/serial-thread";
import { fromWebAnnotation, type ImportedAnnotation } from "@/lib/w3c/from-web-annotation";
import type { Placed, Placement, PlacingInput } from "./place-annotations";
import { announce } from "@/lib/live/publish";

export interface ImportReport {
  imported: { index: number; id: string; method: string }[];
  failed: { index: number; sourceId?: string; reason: string }[];
}

/** Annotations per request: an article's worth (the scale bench's longest has ~2,200 marks), with room. */
export const MAX_IMPORT_ANNOTATIONS = 5_000;
/**
 * How long placing one import's annotations may take, on its own thread. Quotes found word for word
 * cost next to nothing; an approximate search on text built to be repetitive can take seconds for one
 * quote. A legitimate import of thousands of marks takes well under this.
 */
export const IMPORT_PLACING_BUDGET_MS = 10_000;

/** One thread per process places imports, one at a time; a few may wait, each holding its article's text. */
const placing = processWide("placingThread", () => new SerialThread<PlacingInput, Placement[]>(entryPath("lib", "interchange", "placing-thread", "entry.mjs"), "placing", 10));

/**
 * Put W3C annotations (from another tool, or a Copydesk export) onto the article's current revision.
 * Each is anchored by its quote and context (a position selector is used only when its text still
 * reads as the quote); what cannot be placed with confidence is reported, never dropped silently.
 * Placing happens on a thread of its own within IMPORT_PLACING_BUDGET_MS, before the transaction, so
 * no import holds the server's thread or SQLite's one connection; the transaction then stores the
 * annotations only if the text they were placed in is still the article's.
 */
export async function importWebAnnotations({ db, actor, articleId, document, budgetMs = IMPORT_PLACING_BUDGET_MS }: {
  db: Db;
  actor: Actor;
  articleId: string;
  document: unknown;
  /** for placing (tests set a short one) */
  budgetMs?: number;
}): Promise<ImportReport> {
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
  const placedItems: { item: ImportedAnnotation; placed: Placed }[] = [];
  for (const p of await placeOffThread({ text: revision.text, items: parsed.annotations }, budgetMs)) {
    const item = parsed.annotations[p.index];
    if ("placed" in p) placedItems.push({ item, placed: p.placed });
    else failed.push({ index: item.index, sourceId: item.sourceId, reason: p.reason });
  }

  const committed = db.$transaction(async (tx) => {
    await lockArticle(tx, articleId);
    await assertArticleOpen(tx, articleId);
    const newest = await currentRevision(tx, articleId);
    // a new revision meanwhile: with the same text (a block relabelled) the places hold, on another
    // text they would mean something else
    if (newest.id !== revision.id && newest.text !== revision.text) {
      throw new AppError("conflict", "The article's text changed while the annotations were being placed. Send them again: they will be placed on the new text.");
    }
    const onRevision = newest.id;
    const text = revision.text;
    const report: ImportReport = { imported: [], failed: [...failed] };
    for (const { item, placed } of placedItems) {
      const fields = createAnnotationSchema.safeParse({
        articleId, revisionId: onRevision, start: placed.start, end: placed.end,
        category: item.category, replacement: item.replacement, note: item.note, speaker: item.speaker,
      });
      if (!fields.success) {
        report.failed.push({ index: item.index, sourceId: item.sourceId, reason: fields.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        continue;
      }
      const row = await tx.annotation.create({
        data: {
          articleId, number: await claimNumbers(tx, articleId), revisionId: onRevision, start: placed.start, end: placed.end, ...quoteSelector(text, placed.start, placed.end),
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

async function placeOffThread(input: PlacingInput, budgetMs: number): Promise<Placement[]> {
  try {
    return await placing.run(input, { budgetMs });
  } catch (e) {
    if (e instanceof ThreadBudgetExceeded) {
      const message = `Placing these annotations in the text took longer than ${budgetMs / 1000} s, so none was imported. Import fewer at a time, or check their quotes: long quotes that match the text only roughly, in many places, are slow to place.`;
      throw new AppError("bad_input", message, { body: message });
    }
    if (e instanceof ThreadBusy) throw new AppError("conflict", "Too many imports are being placed right now; send this one again in a minute.");
    throw e;
  }
}
