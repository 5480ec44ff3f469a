import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BlockKind } from "@/lib/ingest/blocks";

/** One revision of an article, by number: the stable target that exported annotations point at. */
export async function getRevision({ db, actor, articleId, number }: { db: Db; actor: Actor; articleId: string; number: number }) {
  assertCan(actor, "article:read");
  const revision = Number.isInteger(number)
    ? await db.revision.findUnique({
        where: { articleId_number: { articleId, number } },
        select: {
          number: true, text: true, reason: true, createdAt: true, createdBy: { select: { name: true } }, article: { select: { title: true } },
          blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } },
        },
      })
    : null;
  if (!revision) throw new AppError("not_found", "There is no such revision.");
  return { ...revision, blocks: revision.blocks.map((b) => ({ ...b, kind: b.kind as BlockKind })) };
}
