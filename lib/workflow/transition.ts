import type { Prisma } from "@/generated/prisma/client";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/annotation-view";
import type { Actor } from "@/lib/auth/roles";
import { recordEvent, type AuditAction } from "@/lib/audit/record-event";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationRule, articleRule, SYSTEM_MOVES, versionRefusal, type AnnotationAction, type ArticleAction, type SystemMove } from "./rules";
import { recordRuleDecision, ruleDecisionKind } from "@/lib/house-rules/rule-decisions";
import { HOLDS_UP, type AnnotationStatus, type ArticleStatus } from "./statuses";
import { newestRevisionHead } from "@/lib/articles/current-revision";
import { relabelledBy } from "@/lib/articles/relabelled-by";
import { relabelRefusal } from "@/lib/review/review-rules";

const AUDIT: Record<AnnotationAction, AuditAction> = {
  edit: "edit_annotation",
  delete: "delete_annotation",
  accept: "accept_suggestion",
  dismiss: "dismiss_suggestion",
  waive: "waive_finding",
  undo_dismissal: "undo_dismissal",
  approve: "approve",
  reject: "reject",
  request_changes: "request_changes",
  resolve: "resolve_note",
};

export interface AnnotationTransition {
  actor: Actor;
  id: string;
  /** the version the actor saw */
  version: number;
  action: AnnotationAction;
  /** when the caller names the article (bulk approval), a mark of another article is "not found" */
  articleId?: string;
  /** fields written together with the new status, given the mark as it was */
  data?: (before: AnnotationView) => Prisma.AnnotationUncheckedUpdateManyInput;
  /** the audit row keeps whole before/after views (edits), or just the status plus `after` */
  audit?: { full?: boolean; after?: Record<string, unknown> };
  /** a dismissal's reason: "not now" says nothing of the rule, "wrong" counts against its precision */
  dismissReason?: "not_now" | "wrong";
}

/**
 * The one way a mark changes status. Checks the lifecycle table (who, in which article stage, from
 * which status), then writes with the status, version and article stage the check saw in the `where`,
 * so a concurrent change makes it touch no row: then nothing is written and the actor gets a 409 that
 * says what happened. The audit row goes in the same transaction.
 */
export async function transitionAnnotation(tx: Tx, t: AnnotationTransition): Promise<{ before: AnnotationView; after: AnnotationView | null }> {
  const row = await tx.annotation.findUnique({ where: { id: t.id }, select: { ...annotationViewSelect, article: { select: { status: true } } } });
  if (!row || (t.articleId && row.articleId !== t.articleId)) throw new AppError("not_found", "That annotation no longer exists; someone may have deleted it.");
  const { article, ...rest } = row;
  const before = toAnnotationView(rest);
  const rule = annotationRule(t.actor, t.action, article.status, before);
  if (rule instanceof AppError) throw rule;
  const status = before.status as AnnotationStatus;
  const next = rule.to(status);
  const where: Prisma.AnnotationWhereInput = { id: t.id, version: t.version, status, article: { status: { in: [...rule.article] } } };

  const written = next === null
    ? await tx.annotation.deleteMany({ where })
    : await tx.annotation.updateMany({
        where,
        data: { ...t.data?.(before), ...(t.action === "dismiss" ? { dismissReason: t.dismissReason ?? "not_now" } : {}), status: next, version: { increment: 1 } },
      });
  if (written.count !== 1) throw await staleRefusal(tx, t);
  // a decision on a machine finding is the measure of its rule (decision 026), in the same transaction
  const kind = ruleDecisionKind(before, t.action, t.dismissReason);
  if (kind) await recordRuleDecision(tx, { mark: before, kind, actorId: t.actor.id });

  const after = next === null ? null : toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: t.id }, select: annotationViewSelect }));
  await recordEvent(tx, {
    articleId: before.articleId, actorId: t.actor.id, action: AUDIT[t.action], entityType: "annotation", entityId: t.id,
    before: t.audit?.full ? before : { status: before.status },
    after: t.audit?.full ? (after ?? undefined) : { status: next ?? "deleted", ...t.audit?.after },
  });
  return { before, after };
}

async function staleRefusal(tx: Tx, t: AnnotationTransition): Promise<AppError> {
  const now = await tx.annotation.findUnique({
    where: { id: t.id },
    select: { status: true, version: true, authorId: true, lastEditedById: true, lastEditIssuerId: true, replacement: true, article: { select: { status: true } } },
  });
  if (!now) return new AppError("conflict", "That annotation was deleted meanwhile. Reload to see the current marks.");
  // the article's stage or the mark's status moved under us: the table says what that means for this action
  const refusal = annotationRule(t.actor, t.action, now.article.status, now);
  if (refusal instanceof AppError) return refusal;
  return new AppError("conflict", versionRefusal(t.action, now));
}

/**
 * A system move of many marks at once (lib/revisions/apply-approved.ts). Every named mark must still
 * be in the move's `from` status, or the caller's transaction fails as a conflict: nothing half-applied.
 * The caller writes one audit row for the whole revision.
 */
export async function moveMarks(tx: Tx, move: SystemMove, ids: string[], data: Prisma.AnnotationUncheckedUpdateManyInput = {}): Promise<void> {
  const { from, to } = SYSTEM_MOVES[move];
  // chunks keep the IN list under SQLite's bound-parameter limit
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const moved = await tx.annotation.updateMany({ where: { id: { in: chunk }, status: { in: [...from] } }, data: { ...data, status: to } });
    if (moved.count !== chunk.length) throw new AppError("conflict", "Some of these changes were decided or edited meanwhile; nothing was applied. Reload and try again.");
  }
}

export interface ArticleTransition {
  actor: Actor;
  articleId: string;
  action: ArticleAction;
  /** written to the audit row's `after` beside the new status (a reviewer's comment) */
  note?: Record<string, unknown>;
  /** system moves recorded by the caller's own audit row (the first mark starts editing) */
  silent?: boolean;
}

/**
 * The one way an article changes stage, guarded like transitionAnnotation. Approval also requires
 * that no mark is pending, in the same `where`, so a change sent back a moment earlier cannot be
 * stranded behind an approved article.
 */
export async function transitionArticle(tx: Tx, t: ArticleTransition): Promise<{ from: ArticleStatus; to: ArticleStatus }> {
  const article = await tx.article.findUnique({ where: { id: t.articleId }, select: { status: true } });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  const rule = articleRule(t.actor, t.action, article.status);
  if (rule instanceof AppError) throw rule;
  if (t.action === "approve") {
    const refusal = relabelRefusal(t.actor, await relabelledBy(tx, t.articleId));
    if (refusal) throw new AppError("forbidden", refusal);
    await assertNothingPending(tx, t.articleId);
  }
  const from = article.status as ArticleStatus;
  const moved = await tx.article.updateMany({
    where: { id: t.articleId, status: from, ...(t.action === "approve" ? { annotations: { none: HOLDS_UP } } : {}) },
    data: { status: rule.to, statusChangedAt: new Date() },
  });
  if (moved.count !== 1) {
    const now = await tx.article.findUnique({ where: { id: t.articleId }, select: { status: true } });
    throw new AppError("conflict", `The article changed meanwhile (it is now ${(now?.status ?? "deleted").replace("_", " ")}). Reload to see its current state.`);
  }
  if (!t.silent) {
    await recordEvent(tx, {
      articleId: t.articleId, actorId: t.actor.id, action: ARTICLE_AUDIT[t.action], entityType: "article", entityId: t.articleId,
      before: { status: from }, after: { status: rule.to, ...t.note },
    });
  }
  return { from, to: rule.to };
}

const ARTICLE_AUDIT: Record<ArticleAction, AuditAction> = {
  start_editing: "annotate",
  submit: "submit",
  approve: "article_approve",
  request_changes: "request_changes",
};

const PENDING_WORDS: Partial<Record<AnnotationStatus, [string, string]>> = {
  suggested: ["machine finding nobody handled", "machine findings nobody handled"],
  proposed: ["change or note waiting for a decision", "changes or notes waiting for a decision"],
  needs_work: ["change sent back to the editor", "changes sent back to the editor"],
  approved: ["approved change not yet applied", "approved changes not yet applied"],
  orphaned: ["mark whose text could not be found", "marks whose text could not be found"],
};

async function assertNothingPending(tx: Tx, articleId: string) {
  const open = await tx.annotation.groupBy({ by: ["status"], where: { articleId, ...HOLDS_UP }, _count: { _all: true } });
  if (open.length === 0) {
    // the checks of the newest revision (ordered when the last change was applied) may still find
    // something in the new text: sign-off waits for them, so their findings cannot be skipped
    const newest = await newestRevisionHead(tx, articleId);
    const checking = newest ? await tx.checkJob.count({ where: { revisionId: newest.id, status: { in: ["queued", "running"] } } }) : 0;
    if (checking > 0) {
      throw new AppError("conflict", "The checks of the newest revision are still running; approve the article when their findings are in.");
    }
    return;
  }
  const parts = open.map((g) => {
    const n = g._count._all;
    const [one, many] = PENDING_WORDS[g.status as AnnotationStatus]!;
    return `${n} ${n === 1 ? one : many}`;
  });
  throw new AppError(
    "conflict",
    `The article cannot be approved yet: ${parts.join(", ")}. Decide each change, accept, dismiss or waive each finding, or send the article back to editing.`,
  );
}
