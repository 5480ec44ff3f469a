import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { exportArticle } from "@/lib/export/export-article";
import { parseText } from "@/lib/ingest/parse-text";
import { approveArticle, requestArticleChanges } from "@/lib/review/decide-article";
import { approveChanges, rejectChange, requestChangesOnAnnotation } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { articleHistory } from "@/lib/revisions/article-history";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { acceptSuggestion, dismissSuggestion } from "@/lib/suggestions/handle-suggestion";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";
import { waiveFinding } from "@/lib/review/waive-finding";
import { reviewQueue } from "@/lib/review/review-queue";
import { changeReport } from "@/lib/export/change-report";
import { holdsUp } from "@/lib/workflow/statuses";
import { createTestDb, makeActor, runQueuedChecks } from "./test-db";

const FIXTURE = readFileSync(path.join(__dirname, "..", "..", "shared", "fixtures", "voz-trump-petro.txt"), "utf8");
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor;

beforeAll(async () => {
  [editor, reviewer, reviewer2, admin] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer"), makeActor(db, "reviewer"), makeActor(db, "admin")]);
});
afterAll(close);

async function articleWith(marks: { exact: string; replacement: string | null; category?: "missing_space" | "style" | "other"; occurrence?: number; by?: Actor }[], { submit = true } = {}) {
  const a = await ingestArticle({ db, actor: editor, parsed: parseText(FIXTURE), sourceKind: "paste", checks: "none" });
  const text = parseText(FIXTURE).text;
  const ids: string[] = [];
  for (const m of marks) {
    let at = -1;
    for (let i = 0; i < (m.occurrence ?? 1); i++) at = text.indexOf(m.exact, at + 1);
    const view = await createAnnotation({
      db, actor: m.by ?? editor,
      input: { articleId: a.id, revisionId: a.revisionId, start: at, end: at + m.exact.length, category: m.category ?? "missing_space", replacement: m.replacement, note: null, speaker: null },
    });
    ids.push(view.id);
  }
  if (submit) await submitForReview({ db, actor: editor, articleId: a.id });
  return { id: a.id, ids };
}

describe("review rules", () => {
  it("approving applies the change into revision 2 and re-anchors the others", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }, { exact: "HouseAFP", replacement: "House AFP" }]);
    const outcome = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] });
    expect(outcome).toMatchObject({ number: 2, applied: 1, orphaned: 0 });
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision.text).toContain("following the capture of");
    const other = view.annotations.find((x) => x.id === a.ids[1])!;
    expect(view.revision.text.slice(other.start, other.end)).toBe("HouseAFP");
    const history = await articleHistory({ db, actor: editor, articleId: a.id });
    expect(history.revisions.at(-1)!.applied.map((c) => c.before)).toEqual(["thecapture"]);
  });

  it("no self-approval, even for an admin; a reviewer must be someone else", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture", by: admin }]);
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectChange({ db, actor: admin, id: a.ids[0], version: 1, reason: "no" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveChanges({ db, actor: editor, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("only the last writer is barred: once the editor rewrites an admin's wording, the admin may review it", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }], { submit: false });
    await updateAnnotation({ db, actor: admin, input: { id: a.ids[0], version: 1, category: "missing_space", replacement: "the  capture", note: null, speaker: null } });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] })).rejects.toMatchObject({ code: "forbidden" });
    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "Editor, please look at the wording." });
    await updateAnnotation({ db, actor: editor, input: { id: a.ids[0], version: 2, category: "missing_space", replacement: "the capture", note: null, speaker: null } });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 3 }] })).resolves.toMatchObject({ applied: 1 });
  });

  it("overlapping approved changes are a conflict and nothing is applied", async () => {
    const a = await articleWith([
      { exact: "HouseAFP", replacement: "House AFP" },
      { exact: "at The White HouseAFP", replacement: "at the White House (AFP)", category: "style" },
    ]);
    await expect(
      approveChanges({ db, actor: reviewer, articleId: a.id, decisions: a.ids.map((id) => ({ id, version: 1 })) }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("overlap") });
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision.number).toBe(1);
    expect(view.annotations.filter((x) => a.ids.includes(x.id)).map((x) => x.status)).toEqual(["proposed", "proposed"]);
  });

  it("two reviewers deciding the same change: exactly one wins", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }]);
    const results = await Promise.allSettled([
      approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] }),
      approveChanges({ db, actor: reviewer2, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await db.revision.count({ where: { articleId: a.id } }))).toBe(2);
  });

  it("reject needs a reason the editor sees; request-changes → needs_work → editor edits → proposed again", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }, { exact: "HouseAFP", replacement: "House AFP" }]);
    await expect(rejectChange({ db, actor: reviewer, id: a.ids[0], version: 1, reason: "  " })).rejects.toMatchObject({ code: "bad_input" });
    await rejectChange({ db, actor: reviewer, id: a.ids[0], version: 1, reason: "Original spelling is in the quote." });
    await requestChangesOnAnnotation({ db, actor: reviewer, id: a.ids[1], version: 1, comment: "Use a comma instead." });
    let view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.annotations.find((x) => x.id === a.ids[0])).toMatchObject({ status: "rejected", reviewNote: "Original spelling is in the quote." });
    expect(view.annotations.find((x) => x.id === a.ids[1])).toMatchObject({ status: "needs_work" });
    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "See change 2." });
    await updateAnnotation({ db, actor: editor, input: { id: a.ids[1], version: 2, category: "missing_space", replacement: "House, AFP", note: null, speaker: null } });
    view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.annotations.find((x) => x.id === a.ids[1])?.status).toBe("proposed");
  });

  it("the article is approved only when nothing is pending; request-changes sends it back to editing", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }]);
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict" });
    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "Fix the caption first." });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("editing");
    await submitForReview({ db, actor: editor, articleId: a.id });
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] });
    // the new revision's checks were ordered with it: sign-off waits for them
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/checks .* still running/) });
    await runQueuedChecks(db);
    // what they found in the changed paragraph is the reviewer's to handle before signing off
    for (const s of (await getArticle({ db, actor: reviewer, id: a.id })).annotations.filter((x) => x.status === "suggested")) {
      await dismissSuggestion({ db, actor: reviewer, id: s.id, version: s.version });
    }
    await approveArticle({ db, actor: reviewer, articleId: a.id });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("approved");
    const csv = await exportArticle({ db, actor: reviewer, articleId: a.id, format: "changes.csv" });
    expect(csv.body.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(csv.body).toContain(editor.name);
    expect(csv.body).toContain(reviewer.name);
    const events = (await db.auditEvent.findMany({ where: { articleId: a.id } })).map((e) => e.action);
    for (const action of ["ingest", "annotate", "submit", "request_changes", "approve", "apply", "article_approve", "export"]) expect(events).toContain(action);

    // an approved article is closed on the server, not only in the page
    const revision = (await getArticle({ db, actor: editor, id: a.id })).revision;
    await expect(changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: revision.id, position: 0, kind: "junk" })).rejects.toMatchObject({ code: "conflict" });
    await expect(recheckArticle({ db, actor: editor, articleId: a.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createAnnotation({ db, actor: editor, input: { articleId: a.id, revisionId: revision.id, start: 0, end: 3, category: "other", replacement: null, note: "late", speaker: null } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("one lifecycle: nothing stranded, nothing unhandled, nothing edited in review (issue 10)", () => {
  it("a change sent back (needs work) holds the article's approval up; the reviewer sends the article back instead", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }, { exact: "HouseAFP", replacement: "House AFP" }]);
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] });
    await requestChangesOnAnnotation({ db, actor: reviewer, id: a.ids[1], version: 1, comment: "Use a comma." });
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("1 change sent back to the editor") });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("in_review");
    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "See the caption credit." });
    await expect(requestArticleChanges({ db, actor: reviewer2, articleId: a.id, comment: "twice" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("the queue counts what the article page counts as still open, and the editor sees why the article came back", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }, { exact: "HouseAFP", replacement: "House AFP" }, { exact: "Petro", replacement: null }], { submit: false });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await requestChangesOnAnnotation({ db, actor: reviewer, id: a.ids[1], version: 1, comment: "Use a comma." });
    const page = await getArticle({ db, actor: reviewer, id: a.id });
    const row = (await reviewQueue({ db, actor: reviewer })).find((r) => r.id === a.id)!;
    const findings = page.annotations.filter((x) => x.status === "suggested" && !x.advisory).length;
    expect(findings).toBeGreaterThan(0);
    expect(row.open).toEqual({ total: page.annotations.filter(holdsUp).length, proposed: 2, suggested: findings, needsWork: 1, lost: 0 });
    expect(page.sentBack).toBeNull();

    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "Rework the caption credit, then send it again." });
    const back = await getArticle({ db, actor: editor, id: a.id });
    expect(back.sentBack).toMatchObject({ by: reviewer.name, comment: "Rework the caption credit, then send it again." });
    expect((await reviewQueue({ db, actor: reviewer })).some((r) => r.id === a.id)).toBe(false);
    // submitted again: the comment was answered
    await submitForReview({ db, actor: editor, articleId: a.id });
    expect((await getArticle({ db, actor: editor, id: a.id })).sentBack).toBeNull();
  });

  it("machine findings nobody handled hold approval up; the reviewer accepts, dismisses or waives them, and the waiver's reason reaches the audit and the report", async () => {
    const a = await articleWith([]);
    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "Run the checks." });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    await submitForReview({ db, actor: editor, articleId: a.id });
    const findings = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.filter((x) => x.status === "suggested");
    expect(findings.length).toBeGreaterThan(3);
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("machine finding") });

    const fix = findings.find((x) => x.exact === "thecapture")!;
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: fix.id, version: fix.version }] });
    let open = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.filter((x) => x.status === "suggested");
    const [waived, ...rest] = open;
    await expect(waiveFinding({ db, actor: reviewer, id: waived.id, version: waived.version, reason: " " })).rejects.toMatchObject({ code: "bad_input" });
    await waiveFinding({ db, actor: reviewer, id: waived.id, version: waived.version, reason: "Kept as the agency wrote it." });
    for (const s of rest) await dismissSuggestion({ db, actor: reviewer, id: s.id, version: s.version });
    await runQueuedChecks(db); // the fixed paragraph's checks: nothing new there
    open = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.filter((x) => x.status === "suggested");
    expect(open).toEqual([]);
    await approveArticle({ db, actor: reviewer, articleId: a.id });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { articleId: a.id, action: "waive_finding" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: "waived", reviewNote: "Kept as the agency wrote it." });
    const report = (await exportArticle({ db, actor: reviewer, articleId: a.id, format: "changes.md" })).body;
    expect(report).toContain("## Waived findings");
    expect(report).toContain("Kept as the agency wrote it");
    expect(report).toContain(reviewer.name);
    // the machine's fix went in with the reviewer's approval, credited to the check, not to the
    // editor the checks ran for
    expect(report).toContain("1 applied change");
    expect(report).toContain("1 machine finding was left as it stands by the reviewer.");
    const fixRow = report.split("\n").find((l) => l.includes("thecapture"))!;
    expect(fixRow).toMatch(/^\| 2 \| Missing space \| thecapture \| the capture \| machine suggestion \\\(missing\\-space\\\) \| .+ \| \d{4}-\d\d-\d\dT[\d:.]+Z \|$/);
    expect(fixRow).not.toContain(editor.name);
    const history = await articleHistory({ db, actor: reviewer, articleId: a.id });
    expect(history.revisions.flatMap((r) => r.applied).map((c) => c.authorName)).toEqual([expect.stringMatching(/^machine suggestion \(/)]);
  });

  it("a finding the editor accepted is the editor's change in history and the report; one the reviewer took as it stood is the machine's", async () => {
    const a = await articleWith([], { submit: false });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    const findings = (await getArticle({ db, actor: editor, id: a.id })).annotations.filter((x) => x.status === "suggested" && x.replacement !== null);
    const capture = findings.find((x) => x.exact === "thecapture")!;
    await acceptSuggestion({ db, actor: editor, id: capture.id, version: capture.version, values: { category: capture.category, replacement: capture.replacement, note: null, speaker: null } });
    await submitForReview({ db, actor: editor, articleId: a.id });
    const mine = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.find((x) => x.id === capture.id)!;
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: mine.id, version: mine.version }] });
    const other = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.find((x) => x.status === "suggested" && x.replacement !== null && x.exact !== "thecapture")!;
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: other.id, version: other.version }] });
    const rows = await changeReport({ db, actor: reviewer, articleId: a.id });
    expect(rows.find((r) => r.before === "thecapture")!.author).toBe(editor.name);
    expect(rows.find((r) => r.before === other.exact)!.author).toMatch(/^machine suggestion \(/);
  });

  it("in review the editor's text and marks are locked (409 for every kind of edit); the reviewer's request-changes reopens them", async () => {
    const a = await articleWith([{ exact: "thecapture", replacement: "the capture" }], { submit: false });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    await submitForReview({ db, actor: editor, articleId: a.id });
    const view = await getArticle({ db, actor: editor, id: a.id });
    const mine = view.annotations.find((x) => x.id === a.ids[0])!;
    const finding = view.annotations.find((x) => x.status === "suggested")!;
    const at = view.revision.text.indexOf("Petro");
    const refused = await Promise.allSettled([
      updateAnnotation({ db, actor: editor, input: { id: mine.id, version: mine.version, category: "missing_space", replacement: "the  capture", note: null, speaker: null } }),
      deleteAnnotation({ db, actor: editor, input: { id: mine.id, version: mine.version } }),
      acceptSuggestion({ db, actor: editor, id: finding.id, version: finding.version, values: { category: finding.category, replacement: finding.replacement, note: null, speaker: null } }),
      dismissSuggestion({ db, actor: editor, id: finding.id, version: finding.version }),
      recheckArticle({ db, actor: editor, articleId: a.id }),
      changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: view.revision.id, position: 0, kind: "junk" }),
      createAnnotation({ db, actor: editor, input: { articleId: a.id, revisionId: view.revision.id, start: at, end: at + 5, category: "other", replacement: null, note: "late", speaker: null } }),
      importWebAnnotations({
        db, actor: editor, articleId: a.id,
        document: { "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:x", type: "Annotation", body: [{ type: "TextualBody", value: "x", purpose: "commenting" }], target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "Petro" } } },
      }),
    ]);
    expect(refused.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "done"))).toEqual(Array(8).fill("conflict"));
    expect((refused[0] as PromiseRejectedResult).reason.message).toContain("in review");
    const after = await getArticle({ db, actor: editor, id: a.id });
    expect(after.revision.number).toBe(view.revision.number);
    expect(after.annotations.map((x) => [x.id, x.status, x.version])).toEqual(view.annotations.map((x) => [x.id, x.status, x.version]));

    await requestArticleChanges({ db, actor: reviewer, articleId: a.id, comment: "Over to you." });
    await expect(updateAnnotation({ db, actor: editor, input: { id: mine.id, version: mine.version, category: "missing_space", replacement: "the  capture", note: null, speaker: null } })).resolves.toMatchObject({ version: mine.version + 1 });
  });
});
