import { setImmediate as nextTurn } from "node:timers/promises";
import { isPostgresClient, type Tx } from "@/lib/db";

/**
 * Text slice and block batch sizes. Prisma's query compiler (engineType "client") runs on the calling
 * thread and handles a query's values whole: measured on a 1.5 MB article, one `revision.create` held
 * the thread 70–120 ms and one `createMany` of its 400 blocks 50–110 ms. In slices of 64 KB and batches
 * of 50 each query stays near 10 ms, and between them the event loop serves other people's pages
 * (issue 8's goal: a page answers in under 200 ms while a 2 MB upload is stored). The wait must be
 * explicit: the SQLite adapter answers with already-resolved promises, so a chain of awaited queries
 * alone never lets a timer or a request in.
 */
const TEXT_SLICE = 64 * 1024;
const BLOCK_BATCH = 50;

export interface NewRevision {
  articleId: string;
  number: number;
  text: string;
  reason: string;
  createdById: string;
  blocks: ReadonlyArray<{ kind: string; start: number; end: number }>;
}

/**
 * Write a new immutable revision with its blocks, inside the caller's transaction. Short texts take
 * one query as before; a long text is appended slice by slice (the same SQL on SQLite and
 * PostgreSQL), still one transaction, so nobody ever reads a half-written revision once committed.
 *
 * On SQLite the app has one connection, and a plain read by another request during one of the turns
 * runs inside this open transaction and sees its rows. So a later revision is written under a hidden
 * number (negative: never the newest) and takes its real number last, and readers of the article keep
 * the previous revision until then. Revision 1 of a new article has none to fall back on; that
 * article is announced to open pages only after the commit (decision 030).
 */
export async function createRevision(tx: Tx, { articleId, number, text, reason, createdById, blocks }: NewRevision) {
  // Only on PostgreSQL, where every transaction has its own connection and isolation. On SQLite the
  // app's one connection takes one transaction at a time: held open across turns, it made every other
  // request that needed a transaction wait, and under CPU contention a 1.5 MB write lasted seconds
  // (5–10 s stalls of every page in 2 of 8 end-to-end runs beside a CPU hog; none in 4 without
  // turns). There the write stays in one piece, as short as Prisma makes it (decision 030).
  const inSlices = isPostgresClient(tx);
  const first = inSlices ? sliceEnd(text, 0) : text.length;
  const sliced = inSlices && (first < text.length || blocks.length > BLOCK_BATCH);
  const hidden = sliced && number > 1;
  const revision = await tx.revision.create({
    data: { articleId, number: hidden ? -number : number, text: text.slice(0, first), reason, createdById },
    select: { id: true },
  });
  for (let at = first; at < text.length; ) {
    const end = sliceEnd(text, at);
    await nextTurn();
    await tx.$executeRaw`UPDATE "Revision" SET "text" = "text" || ${text.slice(at, end)} WHERE "id" = ${revision.id}`;
    at = end;
  }
  const batch = sliced ? BLOCK_BATCH : Math.max(blocks.length, 1);
  for (let i = 0; i < blocks.length; i += batch) {
    if (sliced) await nextTurn();
    await tx.block.createMany({
      data: blocks.slice(i, i + batch).map((b, j) => ({ revisionId: revision.id, position: i + j, kind: b.kind, start: b.start, end: b.end })),
    });
  }
  if (hidden) await tx.revision.update({ where: { id: revision.id }, data: { number }, select: { id: true } });
  return { id: revision.id, number };
}

/** The end of the slice that starts at `from`, never between the two halves of a surrogate pair. */
function sliceEnd(text: string, from: number): number {
  let end = Math.min(from + TEXT_SLICE, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
  return end;
}
