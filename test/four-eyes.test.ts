import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForToken, createApiToken } from "@/lib/api-tokens/api-tokens";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";
import { approveChanges, rejectChange, requestChangesOnAnnotation } from "@/lib/review/decide-change";
import { approveArticle, requestArticleChanges } from "@/lib/review/decide-article";
import { waiveFinding } from "@/lib/review/waive-finding";
import { changeReport } from "@/lib/export/change-report";
import { claimCheckJob } from "@/lib/jobs/claim-check-job";
import { runCheckJob } from "@/lib/jobs/run-check-job";
import { deskActions } from "@/lib/workflow/rules";
import { submitForReview } from "@/lib/review/submit-for-review";
import { createTestDb, makeActor } from "./test-db";

const TEXT = "Harbour reopens\n\nThe ferry left the harbour at noon. The quick brown fox jumps over the lazy dog near the pier.";
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor;

beforeAll(async () => {
  [editor, reviewer, reviewer2, admin] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer"), makeActor(db, "reviewer"), makeActor(db, "admin")]);
});
afterAll(close);

type Mark = { exact: string; replacement: string | null; by?: Actor };

async function articleWith(marks: Mark[], { submit = true } = {}) {
  const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
  const text = parseText(TEXT).text;
  const ids: string[] = [];
  for (const m of marks) {
    const at = text.indexOf(m.exact);
    const view = await createAnnotation({
      db, actor: m.by ?? editor,
      input: { articleId: a.id, revisionId: a.revisionId, start: at, end: at + m.exact.length, category: "style", replacement: m.replacement, note: null, speaker: null },
    });
    ids.push(view.id);
  }
  if (submit) await submitForReview({ db, actor: editor, articleId: a.id });
  return { id: a.id, ids };
}

const submit = (a: { id: string }) => submitForReview({ db, actor: editor, articleId: a.id });

const edit = (actor: Actor, id: string, version: number, replacement: string | null, note: string | null = null) =>
  updateAnnotation({ db, actor, input: { id, version, category: "style", replacement, note, speaker: null } });

/** A token made by `issuer` acting as `user`, turned into the actor the API routes see. */
async function tokenActor(issuer: Actor, user: Actor): Promise<Actor> {
  const { token } = await createApiToken({ db, actor: issuer, userId: user.id, name: `for ${user.name}` });
  return (await actorForToken(db, token))!;
}

describe("four-eyes: whoever last wrote a change may not decide it", () => {
  it("an admin who rewrote an editor's change cannot approve, reject or send it back", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }], { submit: false });
    await edit(admin, a.ids[0], 1, "admin's own words");
    await submit(a);
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectChange({ db, actor: admin, id: a.ids[0], version: 2, reason: "no" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(requestChangesOnAnnotation({ db, actor: admin, id: a.ids[0], version: 2, comment: "hm" })).rejects.toMatchObject({ code: "forbidden" });
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision.number).toBe(1);
    expect(view.annotations[0]).toMatchObject({ status: "proposed", authorId: editor.id, lastEditedById: admin.id });
    // a second pair of eyes is still welcome
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] });
    expect((await getArticle({ db, actor: editor, id: a.id })).revision.text).toContain("The admin's own words left");
  });

  it("an editor's own rewrite goes to any reviewer as usual", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }], { submit: false });
    await edit(editor, a.ids[0], 1, "vessel");
    await submit(a);
    const outcome = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] });
    expect(outcome.applied).toBe(1);
  });

  it("an admin who only touched the note did not write the change and may still review it", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }], { submit: false });
    await edit(admin, a.ids[0], 1, "boat", "house style: boat");
    await submit(a);
    const outcome = await approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] });
    expect(outcome.applied).toBe(1);
  });

  it("bulk approval is refused whole when one of the changes is the reviewer's own rewrite", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }, { exact: "noon", replacement: "midday" }], { submit: false });
    await edit(admin, a.ids[1], 1, "twelve");
    await submit(a);
    await expect(
      approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }, { id: a.ids[1], version: 2 }] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision.number).toBe(1);
    expect(view.annotations.map((x) => x.status)).toEqual(["proposed", "proposed"]);
  });

  it("an imported change belongs to whoever imported it", async () => {
    const a = await articleWith([], { submit: false });
    const report = await importWebAnnotations({
      db, actor: admin, articleId: a.id,
      document: {
        "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:x:1", type: "Annotation",
        body: [{ type: "TextualBody", value: "boat", purpose: "editing" }],
        target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "The ferry left the harbour" } },
      },
    });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: report.imported[0].id, version: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("four-eyes through API tokens", () => {
  it("an admin cannot approve their own change with a token they made for a reviewer", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat", by: admin }]);
    const bot = await tokenActor(admin, reviewer);
    expect(bot).toMatchObject({ id: reviewer.id, role: "reviewer", issuedById: admin.id });
    await expect(approveChanges({ db, actor: bot, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectChange({ db, actor: bot, id: a.ids[0], version: 1, reason: "x" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getArticle({ db, actor: editor, id: a.id })).revision.number).toBe(1);
  });

  it("an admin cannot approve words they wrote through a token made for an editor", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }], { submit: false });
    const cms = await tokenActor(admin, editor);
    await edit(cms, a.ids[0], 1, "admin's words via the CMS");
    await submit(a);
    await expect(approveChanges({ db, actor: admin, articleId: a.id, decisions: [{ id: a.ids[0], version: 2 }] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the same reviewer token approves other people's changes", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "boat" }]);
    const bot = await tokenActor(admin, reviewer);
    const outcome = await approveChanges({ db, actor: bot, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] });
    expect(outcome.applied).toBe(1);
  });
});

describe("a change that re-anchoring moved onto other text needs a fresh look", () => {
  it("widened onto a neighbour's words: new version, stale approval refused, nothing applied", async () => {
    // B covers "The quick brown fox"; approving A (which overlaps B's end) widens B to "… fox leaps"
    const a = await articleWith([
      { exact: "The quick brown fox", replacement: "The slow brown fox" },
      { exact: "fox jumps", replacement: "fox leaps" },
    ]);
    const [b, changeA] = a.ids;
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: changeA, version: 1 }] });
    let view = await getArticle({ db, actor: editor, id: a.id });
    const moved = view.annotations.find((x) => x.id === b)!;
    expect(view.revision.text.slice(moved.start, moved.end)).not.toBe("The quick brown fox");
    expect(moved).toMatchObject({ status: "proposed", version: 2, movedFrom: "The quick brown fox", exact: view.revision.text.slice(moved.start, moved.end) });
    expect(moved.movedAt).not.toBeNull();

    await expect(approveChanges({ db, actor: reviewer2, articleId: a.id, decisions: [{ id: b, version: 1 }] })).rejects.toMatchObject({ code: "conflict" });
    view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision.number).toBe(2);
    expect(view.revision.text).toContain("fox leaps over");

    // the reviewer sends the article back; the editor looks again and fixes it: the note goes away
    await requestArticleChanges({ db, actor: reviewer2, articleId: a.id, comment: "Look at the moved change." });
    const fixed = await edit(editor, b, 2, "The slow brown fox leaps");
    expect(fixed).toMatchObject({ movedAt: null, movedFrom: null, version: 3 });
  });

  it("a change that only shifted keeps its version: the text it replaces is the same", async () => {
    const a = await articleWith([{ exact: "ferry", replacement: "big ferry" }, { exact: "lazy dog", replacement: "sleepy dog" }]);
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] });
    const view = await getArticle({ db, actor: editor, id: a.id });
    const shifted = view.annotations.find((x) => x.id === a.ids[1])!;
    expect(shifted).toMatchObject({ exact: "lazy dog", version: 1, movedAt: null });
    await approveChanges({ db, actor: reviewer2, articleId: a.id, decisions: [{ id: a.ids[1], version: 1 }] });
    expect((await getArticle({ db, actor: editor, id: a.id })).revision.text).toContain("over the sleepy dog near");
  });
});

describe("four-eyes on the article's structure", () => {
  /** Run every queued check job, then let every finding stand (reviewer2's waiver), so only the rule under test can refuse. */
  async function checkedAndHandled(articleId: string) {
    for (let job = await claimCheckJob(db, { runner: "t" }); job; job = await claimCheckJob(db, { runner: "t" })) await runCheckJob(db, job, "t");
    for (const s of (await getArticle({ db, actor: reviewer2, id: articleId })).annotations.filter((x) => x.status === "suggested")) {
      await waiveFinding({ db, actor: reviewer2, id: s.id, version: s.version, reason: "stands" });
    }
  }

  it("whoever relabelled a block may not approve the article, through any path; another reviewer may; the change report lists the relabel", async () => {
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    // the admin marks the story's paragraph as page residue: it drops out of every export
    await changeBlockKind({ db, actor: admin, articleId: a.id, revisionId: a.revisionId, position: 1, kind: "junk" });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await checkedAndHandled(a.id);

    const view = await getArticle({ db, actor: admin, id: a.id });
    expect(deskActions(admin, view)).toMatchObject({ decideArticle: true, approveRefusal: expect.stringMatching(/relabelled blocks/) });
    expect(deskActions(reviewer2, view).approveRefusal).toBeNull();
    await expect(approveArticle({ db, actor: admin, articleId: a.id })).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/relabelled blocks/) });
    // nor through a reviewer's token the admin issued
    await expect(approveArticle({ db, actor: await tokenActor(admin, reviewer), articleId: a.id })).rejects.toMatchObject({ code: "forbidden" });

    await expect(approveArticle({ db, actor: reviewer2, articleId: a.id })).resolves.toBeDefined();
    expect(await changeReport({ db, actor: reviewer2, articleId: a.id })).toEqual([
      expect.objectContaining({ revision: 2, category: "block kind", before: "block 2, paragraph: The ferry left the harbour at noon. The quick brown fox jumps over the lazy dog …", after: "junk", author: admin.name, source: "relabel" }),
    ]);
  });

  it("who may approve an article an admin relabelled, role by role and path by path", async () => {
    const [admin2, styleEditor] = await Promise.all([makeActor(db, "admin"), makeActor(db, "style_editor")]);
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    await changeBlockKind({ db, actor: admin, articleId: a.id, revisionId: a.revisionId, position: 1, kind: "caption" });
    await submitForReview({ db, actor: editor, articleId: a.id });
    await checkedAndHandled(a.id);
    const view = await getArticle({ db, actor: reviewer2, id: a.id });
    // the last row approves: every row before it must be refused, and leave the article in review
    const table: [string, Actor, "forbidden" | "approved"][] = [
      ["an editor (role)", editor, "forbidden"],
      ["a style editor (role)", styleEditor, "forbidden"],
      ["the admin who relabelled", admin, "forbidden"],
      ["a reviewer's token the relabelling admin issued", await tokenActor(admin, reviewer), "forbidden"],
      ["a reviewer's token another admin issued", await tokenActor(admin2, reviewer), "approved"],
    ];
    for (const [who, actor, expected] of table) {
      const page = deskActions(actor, view);
      expect(page.decideArticle && page.approveRefusal === null, `${who}: the page offers Approve`).toBe(expected === "approved");
      const outcome = await approveArticle({ db, actor, articleId: a.id }).then(
        () => "approved",
        (e: { code?: string }) => e.code,
      );
      expect(outcome, who).toBe(expected);
    }
  });
});
