import { isValidRange, quoteSelector } from "@/lib/anchoring/quote-selector";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationViewSelect, toAnnotationView } from "./annotation-view";
import { claimNumbers } from "./claim-numbers";
import type { CreateAnnotationInput } from "./schema";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { currentRevision } from "@/lib/articles/current-revision";
import { writtenBy } from "@/lib/review/review-rules";
import { transitionArticle } from "@/lib/workflow/transition";
import { announce } from "@/lib/live/publish";

export interface CreateAnnotationOptions {
  db: Db;
  actor: Actor;
  input: CreateAnnotationInput;
}

/**
 * An editor marks a range of the article's current revision. The range must be on the revision
 * the editor saw: if a newer revision exists, their offsets mean something else — a conflict.
 */
export async function createAnnotation({ db, actor, input }: CreateAnnotationOptions) {
  assertCan(actor, "annotation:create");
  const committed = db.$transaction(async (tx) => {
    const stage = await assertArticleOpen(tx, input.articleId);
    const revision = await currentRevision(tx, input.articleId);
    if (revision.id !== input.revisionId) {
      throw new AppError("conflict", "The article has a newer revision since you opened it. Reload to mark the current text.");
    }
    if (!isValidRange(revision.text, input.start, input.end)) {
      throw new AppError("bad_input", "The selection is not a range of the article text.");
    }
    const quote = quoteSelector(revision.text, input.start, input.end);
    const row = await tx.annotation.create({
      data: {
        articleId: input.articleId,
        number: await claimNumbers(tx, input.articleId),
        revisionId: revision.id,
        start: input.start,
        end: input.end,
        ...quote,
        category: input.category,
        replacement: input.replacement,
        note: input.note || null,
        speaker: input.speaker || null,
        status: "proposed",
        source: "editor",
        authorId: actor.id,
        ...writtenBy(actor),
      },
      select: annotationViewSelect,
    });
    // the first mark on a fresh article starts the editing stage (recorded by the "annotate" row below)
    if (stage === "ingested") await transitionArticle(tx, { actor, articleId: input.articleId, action: "start_editing", silent: true });
    const view = toAnnotationView(row);
    await recordEvent(tx, { articleId: input.articleId, actorId: actor.id, action: "annotate", entityType: "annotation", entityId: row.id, after: view });
    return view;
  });
  return announce(committed, actor, (v) => ({ articleId: v.articleId, what: "annotation" }));
}
