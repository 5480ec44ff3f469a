import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/annotation-view";
import type { Block, BlockKind } from "@/lib/ingest/blocks";
import type { QuoteAttribution } from "@/lib/checks/types";
import { checkRunStatus, type CheckRunStatus } from "@/lib/suggestions/check-run-status";
import { lastSentBack, type SentBack } from "@/lib/review/sent-back";
import { relabelledBy } from "./relabelled-by";

export interface ChecksView {
  /**
   * The current revision's check job if it has one (queued: waiting for a runner; retrying: failed,
   * to be tried again after a backoff; running; failed: out of attempts; too_long), else the
   * article's newest check run: none yet, or its state (a run cut off with its process reads "interrupted").
   */
  status: "none" | "queued" | "retrying" | CheckRunStatus;
  /** whether that run checked the current revision (after applied changes it may be an older one) */
  current: boolean;
  revisionNumber: number | null;
  quotes: QuoteAttribution[];
}

export interface ArticleView {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  createdByName: string;
  revision: { id: string; number: number; text: string; createdAt: string };
  blocks: Block[];
  /** open annotations and suggestions on the current revision (dismissed ones are hidden) */
  annotations: AnnotationView[];
  checks: ChecksView;
  /** while the article is back in editing: the reviewer's comment that sent it back */
  sentBack: SentBack | null;
}


/**
 * getArticle's answer: the view, and who relabelled its blocks (they may not approve it:
 * relabelRefusal). The page asks deskActions with the latter and sends the browser only the view.
 */
export type ArticleRecord = ArticleView & { relabelledBy: string[] };

/** Everything the article page shows: the current revision, its blocks and its annotations. */
export async function getArticle({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<ArticleRecord> {
  assertCan(actor, "article:read");
  const article = await db.article.findUnique({
    where: { id },
    select: {
      id: true, title: true, status: true, createdAt: true, createdBy: { select: { name: true } },
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, text: true, createdAt: true, blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } } },
      },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw new AppError("not_found", "There is no article with that id.");
  const annotations = await db.annotation.findMany({
    where: { articleId: id, revisionId: revision.id, status: { not: "dismissed" } },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
    select: annotationViewSelect,
  });
  const run = await db.checkRun.findFirst({
    where: { revision: { articleId: id } },
    orderBy: { createdAt: "desc" },
    select: { status: true, createdAt: true, quotes: true, revisionId: true, revision: { select: { number: true } } },
  });
  const job = await db.checkJob.findUnique({ where: { revisionId: revision.id }, select: { status: true, attempts: true } });
  const sentBack = article.status === "editing" ? await lastSentBack(db, id) : null;
  return {
    relabelledBy: await relabelledBy(db, id),
    id: article.id,
    title: article.title,
    status: article.status,
    createdAt: article.createdAt.toISOString(),
    createdByName: article.createdBy.name,
    revision: { id: revision.id, number: revision.number, text: revision.text, createdAt: revision.createdAt.toISOString() },
    blocks: revision.blocks.map((b) => ({ kind: b.kind as BlockKind, start: b.start, end: b.end })),
    annotations: annotations.map(toAnnotationView),
    sentBack,
    checks: {
      status: checksStatus(job, run),
      current: run?.revisionId === revision.id,
      revisionNumber: run?.revision.number ?? null,
      quotes: run?.quotes ? (JSON.parse(run.quotes) as QuoteAttribution[]) : [],
    },
  };
}

function checksStatus(job: { status: string; attempts: number } | null, run: { status: string; createdAt: Date } | null): ChecksView["status"] {
  switch (job?.status) {
    case "queued":
      return job.attempts > 0 ? "retrying" : "queued";
    case "running":
    case "failed":
    case "too_long":
      return job.status;
    default: // done, or no job (articles checked before jobs existed): the newest run says what it found
      return run ? checkRunStatus(run) : "none";
  }
}
