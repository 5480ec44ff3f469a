import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteSelector } from "@/lib/anchoring/quote-selector";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { claimNumbers } from "@/lib/annotations/claim-numbers";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { isAppError, toHttpStatus } from "@/lib/errors";
import { parseText } from "@/lib/ingest/parse-text";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";
import { approveArticle, requestArticleChanges } from "@/lib/review/decide-article";
import { approveChanges, rejectChange, requestChangesOnAnnotation, resolveNote } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { waiveFinding } from "@/lib/review/waive-finding";
import { acceptSuggestion, dismissSuggestion, undoDismissal } from "@/lib/suggestions/handle-suggestion";
import { allowedActions, type AnnotationAction } from "@/lib/workflow/rules";
import { ANNOTATION_STATUSES, ARTICLE_STATUSES, type AnnotationStatus, type ArticleStatus } from "@/lib/workflow/statuses";
import { createTestDb, makeActor } from "./test-db";

const { db, close } = createTestDb();
const PARSED = parseText("Harbour reopens\n\nThe ferry left the harbour at noon, the port said.");
const EXACT = "ferry";

/** statuses only a machine finding reaches */
const MACHINE: AnnotationStatus[] = ["suggested", "dismissed", "waived"];

type Who = "author" | "other_editor" | "reviewer" | "admin";
let people: Record<Who, Actor>;

beforeAll(async () => {
  const [author, other, reviewer, admin] = await Promise.all([makeActor(db, "editor"), makeActor(db, "editor"), makeActor(db, "reviewer"), makeActor(db, "admin")]);
  people = { author, other_editor: other, reviewer, admin };
});
afterAll(close);

/** An article at `stage` holding one mark ("ferry" → "boat") in `status`, written by the author. */
async function seed(stage: ArticleStatus, status: AnnotationStatus) {
  const a = await ingestArticle({ db, actor: people.author, parsed: PARSED, sourceKind: "paste", checks: "none" });
  await db.article.update({ where: { id: a.id }, data: { status: stage } });
  const start = PARSED.text.indexOf(EXACT);
  const machine = MACHINE.includes(status);
  const mark = await db.annotation.create({
    data: {
      articleId: a.id, number: await claimNumbers(db, a.id), revisionId: a.revisionId, start, end: start + EXACT.length, ...quoteSelector(PARSED.text, start, start + EXACT.length),
      category: "style", replacement: "boat", status, source: machine ? "check:test" : "editor", authorId: people.author.id,
      lastEditedById: machine ? null : people.author.id,
    },
    select: { id: true },
  });
  return { articleId: a.id, revisionId: a.revisionId, id: mark.id };
}

const DO: Record<AnnotationAction, (actor: Actor, m: { articleId: string; id: string }) => Promise<unknown>> = {
  edit: (actor, m) => updateAnnotation({ db, actor, input: { id: m.id, version: 1, category: "style", replacement: "vessel", note: null, speaker: null } }),
  delete: (actor, m) => deleteAnnotation({ db, actor, input: { id: m.id, version: 1 } }),
  accept: (actor, m) => acceptSuggestion({ db, actor, id: m.id, version: 1, values: { category: "style", replacement: "boat", note: null, speaker: null } }),
  dismiss: (actor, m) => dismissSuggestion({ db, actor, id: m.id, version: 1 }),
  waive: (actor, m) => waiveFinding({ db, actor, id: m.id, version: 1, reason: "house style allows it" }),
  undo_dismissal: (actor, m) => undoDismissal({ db, actor, id: m.id, version: 1 }),
  approve: (actor, m) => approveChanges({ db, actor, articleId: m.articleId, decisions: [{ id: m.id, version: 1 }] }),
  reject: (actor, m) => rejectChange({ db, actor, id: m.id, version: 1, reason: "no" }),
  request_changes: (actor, m) => requestChangesOnAnnotation({ db, actor, id: m.id, version: 1, comment: "again" }),
  resolve: (actor, m) => resolveNote({ db, actor, id: m.id, version: 1 }),
};

const EDITABLE = ["ingested", "editing"] as const;
const own = ["author", "admin"] as const;
const editors = ["author", "other_editor", "admin"] as const;
const reviewers = ["reviewer", "admin"] as const;

/**
 * Every cell that is allowed, written out by hand as [stages, mark statuses, people, result]. Every
 * other (stage, status, action, person) must be refused: 403 when that person may never do that
 * action to this mark (role, or not their mark), 409 when it is only the wrong moment.
 */
const ALLOWED: [AnnotationAction, readonly ArticleStatus[], readonly AnnotationStatus[], readonly Who[], AnnotationStatus | "deleted"][] = [
  ["edit", EDITABLE, ["proposed", "orphaned"], own, "same" as AnnotationStatus],
  ["edit", EDITABLE, ["needs_work"], own, "proposed"],
  ["delete", EDITABLE, ["proposed", "needs_work", "orphaned"], own, "deleted"],
  ["accept", EDITABLE, ["suggested"], editors, "proposed"],
  ["dismiss", EDITABLE, ["suggested"], editors, "dismissed"],
  ["dismiss", ["in_review"], ["suggested"], reviewers, "dismissed"],
  ["waive", ["in_review"], ["suggested"], reviewers, "waived"],
  ["undo_dismissal", ARTICLE_STATUSES, ["dismissed"], ["admin"], "suggested"],
  // an approved change is applied at once into a new revision
  ["approve", ["in_review"], ["proposed", "suggested"], reviewers, "applied"],
  ["reject", ["in_review"], ["proposed"], reviewers, "rejected"],
  ["request_changes", ["in_review"], ["proposed"], reviewers, "needs_work"],
  ["resolve", ["in_review"], ["proposed"], reviewers, "resolved"],
];

function expected(action: AnnotationAction, stage: ArticleStatus, status: AnnotationStatus, who: Who): AnnotationStatus | "deleted" | 403 | 409 {
  const row = ALLOWED.find(([a, stages, from, whom]) => a === action && stages.includes(stage) && from.includes(status) && whom.includes(who));
  if (row) return row[4] === ("same" as AnnotationStatus) ? status : row[4];
  return ALLOWED.some(([a, , , whom]) => a === action && whom.includes(who)) ? 409 : 403;
}

const ACTIONS = Object.keys(DO) as AnnotationAction[];
const WHO: Who[] = ["author", "other_editor", "reviewer", "admin"];
const cells = ARTICLE_STATUSES.flatMap((stage) => ANNOTATION_STATUSES.map((status) => [stage, status] as const));

describe("the annotation lifecycle, cell by cell, through the use cases and a real database", () => {
  it.each(cells)("article %s, mark %s", async (stage, status) => {
    const failures: string[] = [];
    for (const action of ACTIONS) {
      for (const who of WHO) {
        const m = await seed(stage, status);
        const want = expected(action, stage, status, who);
        const got = await DO[action](people[who], m).then(
          async () => (await db.annotation.findUnique({ where: { id: m.id }, select: { status: true } }))?.status ?? "deleted",
          (e) => (isAppError(e) ? toHttpStatus(e.code) : String(e)),
        );
        if (got !== want) failures.push(`${action} by ${who}: expected ${want}, got ${got}`);
        // the page offers a button exactly where the server says yes
        const mark = { status, authorId: people.author.id, lastEditedById: MACHINE.includes(status) ? null : people.author.id, lastEditIssuerId: null, replacement: "boat" };
        const offered = allowedActions(people[who], { status: stage }, mark).includes(action);
        if (offered !== (typeof want !== "number")) failures.push(`${action} by ${who}: the page offers it = ${offered}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("the article lifecycle", () => {
  const stagesWith = async (stage: ArticleStatus) => {
    const a = await ingestArticle({ db, actor: people.author, parsed: PARSED, sourceKind: "paste", checks: "none" });
    await db.article.update({ where: { id: a.id }, data: { status: stage } });
    return a;
  };
  const ARTICLE_DO = {
    submit: (actor: Actor, id: string) => submitForReview({ db, actor, articleId: id }),
    approve: (actor: Actor, id: string) => approveArticle({ db, actor, articleId: id }),
    request_changes: (actor: Actor, id: string) => requestArticleChanges({ db, actor, articleId: id, comment: "more" }),
  };
  const ARTICLE_ALLOWED: Record<keyof typeof ARTICLE_DO, [readonly ArticleStatus[], readonly Who[], ArticleStatus]> = {
    submit: [EDITABLE, editors, "in_review"],
    approve: [["in_review"], reviewers, "approved"],
    request_changes: [["in_review"], reviewers, "editing"],
  };

  it.each(ARTICLE_STATUSES)("from %s: submit, approve, request changes by each role", async (stage) => {
    const failures: string[] = [];
    for (const [action, run] of Object.entries(ARTICLE_DO) as [keyof typeof ARTICLE_DO, (typeof ARTICLE_DO)["submit"]][]) {
      for (const who of WHO) {
        const a = await stagesWith(stage);
        const [stages, whom, to] = ARTICLE_ALLOWED[action];
        const want = !whom.includes(who) ? 403 : stages.includes(stage) ? to : 409;
        const got = await run(people[who], a.id).then(
          async () => (await db.article.findUniqueOrThrow({ where: { id: a.id } })).status,
          (e) => (isAppError(e) ? toHttpStatus(e.code) : String(e)),
        );
        if (got !== want) failures.push(`${action} by ${who}: expected ${want}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(["suggested", "proposed", "needs_work", "orphaned"] as const)("an article with a %s mark cannot be approved (409), and stays in review", async (status) => {
    const m = await seed("in_review", status);
    await expect(approveArticle({ db, actor: people.reviewer, articleId: m.articleId })).rejects.toMatchObject({ code: "conflict" });
    expect((await db.article.findUniqueOrThrow({ where: { id: m.articleId } })).status).toBe("in_review");
  });

  it.each(["rejected", "resolved", "waived", "dismissed", "applied"] as const)("a %s mark does not hold approval up", async (status) => {
    const m = await seed("in_review", status);
    await approveArticle({ db, actor: people.reviewer, articleId: m.articleId });
    expect((await db.article.findUniqueOrThrow({ where: { id: m.articleId } })).status).toBe("approved");
  });

  it.each(ARTICLE_STATUSES)("new marks, relabels and imports only while editable (article %s)", async (stage) => {
    const m = await seed(stage, "proposed");
    const open = stage === "ingested" || stage === "editing";
    const start = PARSED.text.indexOf("noon");
    const outcomes = await Promise.all([
      createAnnotation({ db, actor: people.author, input: { articleId: m.articleId, revisionId: m.revisionId, start, end: start + 4, category: "style", replacement: "midday", note: null, speaker: null } }),
      changeBlockKind({ db, actor: people.author, articleId: m.articleId, revisionId: m.revisionId, position: 0, kind: "dek" }),
      importWebAnnotations({
        db, actor: people.admin, articleId: m.articleId,
        document: { "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:x", type: "Annotation", body: [{ type: "TextualBody", value: "harbor", purpose: "editing" }], target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "harbour" } } },
      }),
    ].map((p) => p.then(() => "ok", (e) => (isAppError(e) ? toHttpStatus(e.code) : String(e)))));
    expect(outcomes).toEqual(open ? ["ok", "ok", "ok"] : [409, 409, 409]);
  });
});
