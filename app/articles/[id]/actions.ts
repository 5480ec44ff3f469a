"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/app/_auth/run-action";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { parseInput as parse } from "@/lib/validation";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { acceptSuggestions } from "@/lib/annotations/accept-suggestions";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { previewSuggestions } from "@/lib/annotations/preview-suggestions";
import type { DiffPart } from "@/lib/revisions/word-diff";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { createAnnotationSchema, deleteAnnotationSchema, updateAnnotationSchema } from "@/lib/annotations/schema";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { blockKindSchema } from "@/lib/ingest/blocks";
import { acceptSuggestion, dismissSuggestion } from "@/lib/suggestions/handle-suggestion";
import { env } from "@/lib/env";
import { requestRecheck } from "@/lib/jobs/request-recheck";
import { waitForCheckJob } from "@/lib/jobs/wait-for-check-job";
import type { RecheckResult } from "@/lib/suggestions/recheck-article";

export async function createAnnotationAction(input: unknown): Promise<ActionResult<AnnotationView>> {
  const result = await runAction((actor) => createAnnotation({ db, actor, input: parse(createAnnotationSchema, input) }));
  if (result.ok) revalidatePath(`/articles/${result.data.articleId}`);
  return result;
}

export async function updateAnnotationAction(input: unknown): Promise<ActionResult<AnnotationView>> {
  const result = await runAction((actor) => updateAnnotation({ db, actor, input: parse(updateAnnotationSchema, input) }));
  if (result.ok) revalidatePath(`/articles/${result.data.articleId}`);
  return result;
}

export async function deleteAnnotationAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    await deleteAnnotation({ db, actor, input: parse(deleteAnnotationSchema, input) });
    return null;
  });
}

const changeBlockKindSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1),
  position: z.number().int().min(0),
  kind: blockKindSchema,
});

export async function changeBlockKindAction(input: unknown): Promise<ActionResult<{ revisionId: string }>> {
  const result = await runAction((actor) => changeBlockKind({ db, actor, ...parse(changeBlockKindSchema, input) }));
  if (result.ok) revalidatePath(`/articles/${(input as { articleId: string }).articleId}`);
  return result;
}

const articleIdSchema = z.object({ articleId: z.string().min(1) });

export async function recheckAction(input: unknown): Promise<ActionResult<RecheckResult>> {
  const result = await runAction(async (actor) => {
    // queued, so a restart cannot lose it; waited for, so the button still reports what it found
    const { jobId } = await requestRecheck({ db, actor, ...parse(articleIdSchema, input) });
    return waitForCheckJob(db, jobId, { timeoutMs: env.CHECK_BUDGET_MS + 15_000 });
  });
  if (result.ok) revalidatePath(`/articles/${(input as { articleId: string }).articleId}`);
  return result;
}

export async function acceptSuggestionAction(input: unknown): Promise<ActionResult<AnnotationView>> {
  const result = await runAction((actor) => {
    const { id, version, ...values } = parse(updateAnnotationSchema, input);
    return acceptSuggestion({ db, actor, id, version, values });
  });
  if (result.ok) revalidatePath(`/articles/${result.data.articleId}`);
  return result;
}

/** "wrong" marks a false alarm (it counts against the rule's precision); "not_now", the default, does not */
const dismissSchema = deleteAnnotationSchema.extend({ reason: z.enum(["not_now", "wrong"]).optional() });

export async function dismissSuggestionAction(input: unknown): Promise<ActionResult<AnnotationView>> {
  const result = await runAction((actor) => dismissSuggestion({ db, actor, ...parse(dismissSchema, input) }));
  if (result.ok) revalidatePath(`/articles/${result.data.articleId}`);
  return result;
}

const decisionsSchema = articleIdSchema.extend({
  decisions: z.array(z.object({ id: z.string().min(1), version: z.number().int().min(1) })).min(1).max(500),
});

export async function acceptSuggestionsAction(input: unknown): Promise<ActionResult<{ accepted: number }>> {
  const result = await runAction((actor) => acceptSuggestions({ db, actor, ...parse(decisionsSchema, input) }));
  if (result.ok) revalidatePath(`/articles/${(input as { articleId: string }).articleId}`);
  return result;
}

export async function previewSuggestionsAction(input: unknown): Promise<ActionResult<DiffPart[]>> {
  return runAction((actor) => previewSuggestions({ db, actor, ...parse(articleIdSchema.extend({ ids: z.array(z.string().min(1)).min(1).max(500) }), input) }));
}
