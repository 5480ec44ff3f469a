import { creditedTo } from "@/lib/annotations/credited-to";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { wordDiff, type DiffPart } from "./word-diff";

export interface RevisionSummary {
  id: string;
  number: number;
  reason: string;
  createdAt: string;
  createdByName: string;
  applied: { id: string; category: string; before: string; after: string; authorName: string; reviewerName: string | null }[];
}

/** Every revision of an article with who, when, why and which changes it applied; and a word diff of two. */
export async function articleHistory({ db, actor, articleId, from, to }: { db: Db; actor: Actor; articleId: string; from?: number; to?: number }) {
  assertCan(actor, "article:read");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true, title: true,
      revisions: {
        orderBy: { number: "asc" },
        select: {
          id: true, number: true, reason: true, createdAt: true, createdBy: { select: { name: true } },
          applied: { orderBy: { start: "asc" }, select: { id: true, category: true, exact: true, replacement: true, source: true, lastEditedById: true, author: { select: { name: true } }, reviewedBy: { select: { name: true } } } },
        },
      },
    },
  });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  const revisions = article.revisions;
  const last = revisions.at(-1)!.number;
  const fromN = clamp(from ?? 1, 1, last);
  const toN = clamp(to ?? last, 1, last);
  // only the two texts compared: every revision holds a whole copy (up to 2 MB), and an article
  // relabelled or edited many times would otherwise bring all of them into memory at once
  const texts = new Map(
    (await db.revision.findMany({ where: { articleId, number: { in: [fromN, toN] } }, select: { number: true, text: true } })).map((r) => [r.number, r.text]),
  );
  const diff: DiffPart[] = wordDiff(texts.get(fromN)!, texts.get(toN)!);
  const summaries: RevisionSummary[] = revisions.map((r) => ({
    id: r.id,
    number: r.number,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy.name,
    applied: r.applied.map((a) => ({
      id: a.id, category: a.category, before: a.exact, after: a.replacement ?? "", authorName: creditedTo({ source: a.source, authorName: a.author.name, lastEditedById: a.lastEditedById }), reviewerName: a.reviewedBy?.name ?? null,
    })),
  }));
  return { id: article.id, title: article.title, revisions: summaries, from: fromN, to: toN, diff };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
