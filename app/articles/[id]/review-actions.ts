"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/app/_auth/run-action";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { parseInput as parse } from "@/lib/validation";
import { addComment, commentBodySchema, type CommentView } from "@/lib/annotations/add-comment";
import { approveChanges, rejectChange, requestChangesOnAnnotation, resolveNote } from "@/lib/review/decide-change";
import { approveArticle, requestArticleChanges } from "@/lib/review/decide-article";
import { submitForReview } from "@/lib/review/submit-for-review";
import { waiveFinding } from "@/lib/review/waive-finding";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { previewApproval } from "@/lib/revisions/preview-approval";
import type { ApplyOutcome } from "@/lib/revisions/apply-approved";
import type { DiffPart } from "@/lib/revisions/word-diff";

const articleRef = z.object({ articleId: z.string().min(1) });
const decision = z.object({ id: z.string().min(1), version: z.number().int().min(1) });
const refresh = (articleId: string) => {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/review");
  revalidatePath("/");
};

export async function submitForReviewAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    const { articleId } = parse(articleRef, input);
    await submitForReview({ db, actor, articleId });
    refresh(articleId);
    return null;
  });
}

export async function approveChangesAction(input: unknown): Promise<ActionResult<ApplyOutcome>> {
  return runAction(async (actor) => {
    const { articleId, decisions } = parse(articleRef.extend({ decisions: z.array(decision).min(1).max(500) }), input);
    const outcome = await approveChanges({ db, actor, articleId, decisions });
    refresh(articleId);
    return outcome;
  });
}

export async function previewApprovalAction(input: unknown): Promise<ActionResult<DiffPart[]>> {
  return runAction(async (actor) => {
    const { articleId, ids } = parse(articleRef.extend({ ids: z.array(z.string().min(1)).min(1).max(500) }), input);
    return previewApproval({ db, actor, articleId, ids });
  });
}

export async function rejectChangeAction(input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  return runAction(async (actor) => {
    const { articleId, ...rest } = parse(articleRef.merge(decision).extend({ reason: z.string().max(2_000) }), input);
    const result = await rejectChange({ db, actor, ...rest });
    refresh(articleId);
    return result;
  });
}

export async function requestChangesAction(input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  return runAction(async (actor) => {
    const { articleId, ...rest } = parse(articleRef.merge(decision).extend({ comment: z.string().max(2_000) }), input);
    const result = await requestChangesOnAnnotation({ db, actor, ...rest });
    refresh(articleId);
    return result;
  });
}

export async function resolveNoteAction(input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  return runAction(async (actor) => {
    const { articleId, ...rest } = parse(articleRef.merge(decision), input);
    const result = await resolveNote({ db, actor, ...rest });
    refresh(articleId);
    return result;
  });
}

export async function waiveFindingAction(input: unknown): Promise<ActionResult<AnnotationView>> {
  return runAction(async (actor) => {
    const { articleId, ...rest } = parse(articleRef.merge(decision).extend({ reason: z.string().max(2_000) }), input);
    const result = await waiveFinding({ db, actor, ...rest });
    refresh(articleId);
    return result;
  });
}

export async function approveArticleAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    const { articleId } = parse(articleRef, input);
    await approveArticle({ db, actor, articleId });
    refresh(articleId);
    return null;
  });
}

export async function requestArticleChangesAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    const { articleId, comment } = parse(articleRef.extend({ comment: z.string().max(2_000) }), input);
    await requestArticleChanges({ db, actor, articleId, comment });
    refresh(articleId);
    return null;
  });
}

export async function addCommentAction(input: unknown): Promise<ActionResult<CommentView>> {
  return runAction(async (actor) => {
    const { articleId, annotationId, body } = parse(articleRef.extend({ annotationId: z.string().min(1), body: commentBodySchema }), input);
    const comment = await addComment({ db, actor, annotationId, body });
    refresh(articleId);
    return comment;
  });
}
