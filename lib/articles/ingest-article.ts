import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { assertStorable } from "@/lib/ingest/assert-storable";
import { titleOf, type ParsedArticle } from "@/lib/ingest/blocks";
import { titleSearchKey } from "./title-search";
import { announce } from "@/lib/live/publish";
import { enqueueChecks } from "@/lib/jobs/enqueue-checks";
import { createRevision } from "@/lib/revisions/create-revision";

export type SourceKind = "paste" | "file" | "url" | "cli" | "seed" | "api";

export interface IngestArticleOptions {
  db: Db;
  actor: Actor;
  parsed: ParsedArticle;
  sourceKind: SourceKind;
  sourceName?: string | null;
  /**
   * "queue" (the default): the revision's check job is written in the same transaction, so no crash
   * can leave an article stored without its checks ordered. "none": the caller runs them itself
   * (the seed and the CLI, which have no app server's runner to wait for).
   */
  checks?: "queue" | "none";
}

/** Store a parsed article as a new Article with its immutable Revision 1, and tell open pages. */
export async function ingestArticle(options: IngestArticleOptions) {
  return announce(storeArticle(options), options.actor, (a) => ({ articleId: a.id, what: "article" }));
}

/**
 * The write alone, in one transaction, announcing nothing: the ingest thread runs it with a client
 * of its own, and the app's thread announces (lib/articles/ingest-off-thread.ts).
 */
export async function storeArticle({ db, actor, parsed, sourceKind, sourceName, checks = "queue" }: IngestArticleOptions) {
  assertCan(actor, "article:ingest");
  assertStorable(parsed);
  const title = titleOf(parsed);
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: { title, titleSearch: titleSearchKey(title), status: "ingested", sourceKind, sourceName: sourceName ?? null, createdById: actor.id },
      select: { id: true, title: true },
    });
    const revision = await createRevision(tx, {
      articleId: article.id,
      number: 1,
      text: parsed.text,
      reason: `ingest (${sourceKind}${sourceName ? `: ${sourceName}` : ""})`,
      createdById: actor.id,
      blocks: parsed.blocks,
    });
    await recordEvent(tx, {
      articleId: article.id,
      actorId: actor.id,
      action: "ingest",
      entityType: "article",
      entityId: article.id,
      after: { title, revision: 1, blocks: parsed.blocks.length, sourceKind, sourceName },
    });
    if (checks === "queue") await enqueueChecks({ db: tx, revisionId: revision.id, reason: "ingest", requestedById: actor.id });
    return { id: article.id, title: article.title, revisionId: revision.id };
  });
}
