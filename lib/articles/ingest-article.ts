import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { assertStorable } from "@/lib/ingest/assert-storable";
import { titleOf, type ParsedArticle } from "@/lib/ingest/blocks";
import { titleSearchKey } from "./title-search";

export type SourceKind = "paste" | "file" | "url" | "cli" | "seed" | "api";

export interface IngestArticleOptions {
  db: Db;
  actor: Actor;
  parsed: ParsedArticle;
  sourceKind: SourceKind;
  sourceName?: string | null;
}

/** Store a parsed article as a new Article with its immutable Revision 1, in one transaction. */
export async function ingestArticle({ db, actor, parsed, sourceKind, sourceName }: IngestArticleOptions) {
  assertCan(actor, "article:ingest");
  assertStorable(parsed);
  const title = titleOf(parsed);
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: { title, titleSearch: titleSearchKey(title), status: "ingested", sourceKind, sourceName: sourceName ?? null, createdById: actor.id },
      select: { id: true, title: true },
    });
    const revision = await tx.revision.create({
      data: {
        articleId: article.id,
        number: 1,
        text: parsed.text,
        reason: `ingest (${sourceKind}${sourceName ? `: ${sourceName}` : ""})`,
        createdById: actor.id,
        blocks: { createMany: { data: parsed.blocks.map((b, position) => ({ position, kind: b.kind, start: b.start, end: b.end })) } },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      articleId: article.id,
      actorId: actor.id,
      action: "ingest",
      entityType: "article",
      entityId: article.id,
      after: { title, revision: 1, blocks: parsed.blocks.length, sourceKind, sourceName },
    });
    return { id: article.id, title: article.title, revisionId: revision.id };
  });
}
