import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptSuggestions } from "@/lib/annotations/accept-suggestions";
import { previewSuggestions } from "@/lib/annotations/preview-suggestions";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { parseText } from "@/lib/ingest/parse-text";
import { submitForReview } from "@/lib/review/submit-for-review";
import { dismissSuggestion } from "@/lib/suggestions/handle-suggestion";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { createTestDb, makeActor } from "./test-db";

const TEXT = "Bridge reopens in March\n\nCrews finished thereplacement of two cables on Monday. The mayor said the the bridge is safe.";
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

async function checked() {
  const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
  await recheckArticle({ db, actor: editor, articleId: a.id });
  const fixes = (await getArticle({ db, actor: editor, id: a.id })).annotations.filter((x) => x.status === "suggested" && x.replacement !== null);
  expect(fixes.length).toBeGreaterThanOrEqual(2);
  return { id: a.id, fixes };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => (isAppError(e) ? e.code : String(e)));

describe("accept all", () => {
  it("previews the text, then takes every fix on as the editor's proposed change, numbers kept", async () => {
    const { id, fixes } = await checked();
    const diff = await previewSuggestions({ db, actor: editor, articleId: id, ids: fixes.map((f) => f.id) });
    expect(diff.some((p) => p.added)).toBe(true);
    expect(await acceptSuggestions({ db, actor: editor, articleId: id, decisions: fixes.map((f) => ({ id: f.id, version: f.version })) })).toEqual({ accepted: fixes.length });
    const after = (await getArticle({ db, actor: editor, id })).annotations.filter((x) => fixes.some((f) => f.id === x.id));
    expect(after.map((x) => [x.number, x.status, x.authorId])).toEqual(fixes.map((f) => [f.number, "proposed", editor.id]));
    expect(await db.auditEvent.count({ where: { articleId: id, action: "accept_suggestion" } })).toBe(fixes.length);
  });

  it("is all or nothing: one fix handled since the preview refuses the batch (409)", async () => {
    const { id, fixes } = await checked();
    await dismissSuggestion({ db, actor: editor, id: fixes[0].id, version: fixes[0].version });
    expect(await refusal(acceptSuggestions({ db, actor: editor, articleId: id, decisions: fixes.map((f) => ({ id: f.id, version: f.version })) }))).toBe("conflict");
    expect((await getArticle({ db, actor: editor, id })).annotations.filter((x) => x.status === "proposed")).toHaveLength(0);
  });

  it("follows the lifecycle: not for a reviewer, not while the article is in review", async () => {
    const { id, fixes } = await checked();
    const decisions = fixes.map((f) => ({ id: f.id, version: f.version }));
    expect(await refusal(acceptSuggestions({ db, actor: reviewer, articleId: id, decisions }))).toBe("forbidden");
    await submitForReview({ db, actor: editor, articleId: id });
    expect(await refusal(acceptSuggestions({ db, actor: editor, articleId: id, decisions }))).toBe("conflict");
  });
});
