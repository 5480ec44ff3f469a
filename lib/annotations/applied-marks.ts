import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import type { BlockKind } from "@/lib/ingest/blocks";
import { applyChanges } from "@/lib/revisions/apply-changes";
import { wordDiff, type DiffPart } from "@/lib/revisions/word-diff";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";

export interface AppliedChanges {
  /** the changes applied into the current revision, placed on its text (start/end are current offsets) */
  marks: AnnotationView[];
  /** original → current, word by word: the article page's *Show changes*; null while there is one revision */
  diff: DiffPart[] | null;
}

/**
 * What the article page shows of the work already done. An applied change keeps the offsets of the
 * revision it was decided on; to draw it on the current text we apply the same changes to that
 * revision again — applying is deterministic, so its position map is the one the server used.
 */
export async function appliedChanges({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }): Promise<AppliedChanges> {
  assertCan(actor, "article:read");
  const revisions = await db.revision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    take: 2,
    select: { id: true, number: true, text: true, blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } } },
  });
  const [current, previous] = revisions;
  if (!current || !previous) return { marks: [], diff: null };
  const rows = await db.annotation.findMany({ where: { articleId, appliedRevisionId: current.id }, select: annotationViewSelect });
  const applied = rows.map(toAnnotationView).filter((a) => a.revisionId === previous.id && a.replacement !== null);
  const result = applyChanges(
    previous.text,
    previous.blocks.map((b) => ({ ...b, kind: b.kind as BlockKind })),
    applied.map((a) => ({ id: a.id, start: a.start, end: a.end, replacement: a.replacement! })),
  );
  const marks = result.ok ? applied.map((a) => ({ ...a, start: result.map(a.start, "start"), end: result.map(a.end, "end") })) : [];
  const original = await db.revision.findFirstOrThrow({ where: { articleId, number: 1 }, select: { text: true } });
  return { marks, diff: wordDiff(original.text, current.text) };
}
