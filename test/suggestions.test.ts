import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { getArticle } from "@/lib/articles/get-article";
import type { Actor } from "@/lib/auth/roles";
import { addDictionaryWord } from "@/lib/dictionary/dictionary-words";
import { parseText } from "@/lib/ingest/parse-text";
import { acceptSuggestion, dismissSuggestion, undoDismissal } from "@/lib/suggestions/handle-suggestion";
import { listDismissals } from "@/lib/suggestions/list-dismissals";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { createTestDb, makeActor } from "./test-db";

const FIXTURE = readFileSync(path.join(__dirname, "..", "..", "shared", "fixtures", "voz-trump-petro.txt"), "utf8");
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor, admin: Actor;

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer"), makeActor(db, "admin")]);
});
afterAll(close);

async function ingest(text = FIXTURE) {
  return ingestArticle({ db, actor: editor, parsed: parseText(text), sourceKind: "paste", checks: "none" });
}

describe("suggestions from the automatic checks", () => {
  it("are stored as `suggested`, machine-made, and a second run adds nothing new", async () => {
    const a = await ingest();
    const first = await recheckArticle({ db, actor: editor, articleId: a.id });
    expect(first.added).toBeGreaterThan(3);
    const view = await getArticle({ db, actor: editor, id: a.id });
    const capture = view.annotations.find((x) => x.exact === "thecapture")!;
    expect(capture).toMatchObject({ status: "suggested", category: "missing_space", replacement: "the capture" });
    expect(capture.source).toMatch(/^check:/);
    expect(view.checks.status).toBe("done");
    expect(view.checks.quotes.length).toBeGreaterThan(5);
    expect((await recheckArticle({ db, actor: editor, articleId: a.id })).added).toBe(0);
  });

  it("a dismissal is remembered: re-check never brings it back; an admin can undo it", async () => {
    const a = await ingest();
    await recheckArticle({ db, actor: editor, articleId: a.id });
    const capture = (await getArticle({ db, actor: editor, id: a.id })).annotations.find((x) => x.exact === "thecapture")!;
    const dismissed = await dismissSuggestion({ db, actor: editor, id: capture.id, version: capture.version });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    let view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.annotations.filter((x) => x.exact === "thecapture")).toHaveLength(0);

    await expect(undoDismissal({ db, actor: editor, id: capture.id, version: dismissed.version })).rejects.toMatchObject({ code: "forbidden" });
    // the admin's list says who dismissed it, when, and how
    expect((await listDismissals({ db, actor: admin })).find((d) => d.id === capture.id)).toMatchObject({ dismissedBy: editor.name, dismissReason: "not_now", dismissedAt: expect.any(Date) });
    await undoDismissal({ db, actor: admin, id: capture.id, version: dismissed.version });
    view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.annotations.filter((x) => x.exact === "thecapture").map((x) => x.status)).toEqual(["suggested"]);
  });

  it("accepting makes the editor's proposed change (editable first); handling twice is a conflict", async () => {
    const a = await ingest();
    await recheckArticle({ db, actor: admin, articleId: a.id });
    const s = (await getArticle({ db, actor: editor, id: a.id })).annotations.find((x) => x.exact === "thecapture")!;
    const accepted = await acceptSuggestion({
      db, actor: editor, id: s.id, version: s.version,
      values: { category: "missing_space", replacement: "the capture", note: "checked against the original", speaker: null },
    });
    expect(accepted).toMatchObject({ status: "proposed", authorId: editor.id, note: "checked against the original" });
    expect(accepted.source).toBe(s.source);
    await expect(dismissSuggestion({ db, actor: editor, id: s.id, version: s.version })).rejects.toMatchObject({ code: "conflict" });
  });

  it("reviewers do not run checks, and handle suggestions only once the article is in review", async () => {
    const a = await ingest();
    await expect(recheckArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "forbidden" });
    await recheckArticle({ db, actor: editor, articleId: a.id });
    const s = (await getArticle({ db, actor: reviewer, id: a.id })).annotations[0];
    await expect(dismissSuggestion({ db, actor: reviewer, id: s.id, version: s.version })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("not in review") });
  });

  it("the newsroom dictionary stops a word being flagged as a typo", async () => {
    const text = "Mayor opens the new library\n\nThe mayor said the library was flarbish and would open on Monday, officials said.";
    const before = await ingest(text);
    await recheckArticle({ db, actor: editor, articleId: before.id });
    const flagged = (await getArticle({ db, actor: editor, id: before.id })).annotations.filter((x) => x.category === "typo").map((x) => x.exact);
    expect(flagged).toContain("flarbish");

    await expect(addDictionaryWord({ db, actor: editor, word: "flarbish" })).rejects.toMatchObject({ code: "forbidden" });
    await addDictionaryWord({ db, actor: admin, word: "flarbish" });
    await expect(addDictionaryWord({ db, actor: admin, word: "Flarbish" })).rejects.toMatchObject({ code: "conflict" });
    const after = await ingest(text);
    await recheckArticle({ db, actor: editor, articleId: after.id });
    const now = (await getArticle({ db, actor: editor, id: after.id })).annotations.filter((x) => x.category === "typo").map((x) => x.exact);
    expect(now).not.toContain("flarbish");
  });
});

describe("checks that cannot finish", () => {
  it("an article over the time budget ends as 'too long', not 'running', and a later re-check works", async () => {
    const a = await ingest(Array.from({ length: 300 }, () => FIXTURE).join("\n\n"));
    await expect(recheckArticle({ db, actor: editor, articleId: a.id, budgetMs: 5 })).rejects.toMatchObject({ code: "too_long_to_check" });
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("too_long");
    await recheckArticle({ db, actor: editor, articleId: a.id });
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("done");
  });

  it("a run whose process died mid-way reads 'interrupted' and is recorded so on the next re-check", async () => {
    const a = await ingest();
    const revision = await db.revision.findFirstOrThrow({ where: { articleId: a.id } });
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const cut = await db.checkRun.create({ data: { revisionId: revision.id, status: "running", startedById: editor.id, createdAt: anHourAgo } });
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("interrupted");
    await recheckArticle({ db, actor: editor, articleId: a.id });
    expect(await db.checkRun.findUniqueOrThrow({ where: { id: cut.id } })).toMatchObject({ status: "interrupted" });
  });
});
