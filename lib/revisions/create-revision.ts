import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { isPostgresClient, sqliteConnection, type Tx } from "@/lib/db";

/**
 * Text slice and block batch sizes on PostgreSQL. Prisma's query compiler (engineType "client") runs
 * on the calling thread and handles a query's values whole: measured on a 1.5 MB article, one
 * `revision.create` held the thread 70–120 ms and one `createMany` of its 400 blocks 50–110 ms. In
 * slices of 64 KB and batches of 50 each query stays near 10 ms, and between them the event loop
 * serves other people's pages (issue 8: a page answers in under 200 ms while a 2 MB upload is stored).
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
 * Write a new immutable revision with its blocks, inside the caller's transaction, so nobody ever
 * reads a half-written revision once committed.
 *
 * On SQLite the text and blocks go through the driver (decision 031): a few milliseconds for 1.5 MB
 * and 400 blocks, in one synchronous piece on the app's one connection, inside the open transaction.
 * Through Prisma the same write held the thread 100–200 ms, and cutting it into slices with turns
 * between them held the one connection's transaction open across turns, which stalled every other
 * request for seconds under CPU contention (decision 030).
 *
 * On PostgreSQL every transaction has its own connection, so a long text is appended slice by slice
 * and the blocks go in batches, with a turn of the event loop between them. A plain read by another
 * request never sees the open transaction there; still, a later revision is written under a hidden
 * number (negative: never the newest) and takes its real number last, the same guard decision 030
 * needed when SQLite sliced too.
 */
export async function createRevision(tx: Tx, { articleId, number, text, reason, createdById, blocks }: NewRevision) {
  const sqlite = sqliteConnection(tx);
  if (sqlite) {
    // only inside the caller's transaction: on a plain client (or after the transaction timed out)
    // each statement would commit on its own
    if (!sqlite.inTransaction) throw new Error("createRevision must run inside a transaction");
    // under a hidden number until its text and blocks are in, should another request's read reach the
    // connection between the Prisma call and the driver's statements
    const revision = await tx.revision.create({ data: { articleId, number: -number, text: "", reason, createdById }, select: { id: true } });
    // synchronous from here on: nothing else runs on the connection between these statements
    if (!sqlite.inTransaction) throw new Error("createRevision's transaction ended before the revision was written");
    const insert = sqlite.prepare('INSERT INTO "Block" ("id", "revisionId", "position", "kind", "start", "end") VALUES (?, ?, ?, ?, ?, ?)');
    blocks.forEach((b, position) => insert.run(randomUUID(), revision.id, position, b.kind, b.start, b.end));
    const done = sqlite.prepare('UPDATE "Revision" SET "text" = ?, "number" = ? WHERE "id" = ?').run(text, number, revision.id);
    if (done.changes !== 1) throw new Error(`revision ${revision.id} was not found to complete`);
    return { id: revision.id, number };
  }
  if (!isPostgresClient(tx)) {
    // SQLite without the driver's connection (see sqliteConnection): one piece through Prisma, never
    // slices, which hold SQLite's one connection across turns (decision 030)
    const revision = await tx.revision.create({ data: { articleId, number, text, reason, createdById }, select: { id: true } });
    await tx.block.createMany({ data: blocks.map((b, position) => ({ revisionId: revision.id, position, kind: b.kind, start: b.start, end: b.end })) });
    return { id: revision.id, number };
  }
  const first = sliceEnd(text, 0);
  const sliced = first < text.length || blocks.length > BLOCK_BATCH;
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
  for (let i = 0; i < blocks.length; i += BLOCK_BATCH) {
    if (sliced) await nextTurn();
    await tx.block.createMany({
      data: blocks.slice(i, i + BLOCK_BATCH).map((b, j) => ({ revisionId: revision.id, position: i + j, kind: b.kind, start: b.start, end: b.end })),
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
