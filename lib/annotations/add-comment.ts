import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";

export const commentBodySchema = z.string().trim().min(1, "Write a comment.").max(5_000, "Keep a comment under 5,000 characters.");

export interface CommentView {
  id: string;
  annotationId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** A comment in the thread of an annotation, from an editor or a reviewer. */
export async function addComment({ db, actor, annotationId, body }: { db: Db; actor: Actor; annotationId: string; body: string }): Promise<CommentView> {
  assertCan(actor, "comment:create");
  const text = commentBodySchema.parse(body);
  const { articleId, view } = await db.$transaction(async (tx) => {
    const annotation = await tx.annotation.findUnique({ where: { id: annotationId }, select: { articleId: true } });
    if (!annotation) throw new AppError("not_found", "That annotation no longer exists.");
    const row = await tx.comment.create({
      data: { annotationId, authorId: actor.id, body: text },
      select: { id: true, annotationId: true, body: true, createdAt: true, author: { select: { name: true } } },
    });
    await recordEvent(tx, { articleId: annotation.articleId, actorId: actor.id, action: "comment", entityType: "annotation", entityId: annotationId, after: { body: text } });
    const view = { id: row.id, annotationId: row.annotationId, authorName: row.author.name, body: row.body, createdAt: row.createdAt.toISOString() };
    return { articleId: annotation.articleId, view };
  });
  publishChange(articleId, "comment", actor.id);
  return view;
}
