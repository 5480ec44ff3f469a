import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { listArticles } from "@/lib/articles/list-articles";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { createTestDb, makeActor } from "./test-db";

const { db, close } = createTestDb();
let editor: Actor, editor2: Actor, reviewer: Actor, admin: Actor;

const SAMPLE = "Harbor Gazette harborgazette.com\n\nBridge reopens in March\n\nCrews finished thereplacement of two cables on Monday, the city said.";

beforeAll(async () => {
  [editor, editor2, reviewer, admin] = await Promise.all([
    makeActor(db, "editor"),
    makeActor(db, "editor"),
    makeActor(db, "reviewer"),
    makeActor(db, "admin"),
  ]);
});
afterAll(close);

async function newArticle(title = "Bridge reopens in March") {
  return ingestArticle({ db, actor: editor, parsed: parseText(SAMPLE.replace("Bridge reopens in March", title)), sourceKind: "paste" });
}

function markInput(article: { id: string; revisionId: string }, exact = "thereplacement") {
  const start = SAMPLE.indexOf(exact);
  return {
    articleId: article.id, revisionId: article.revisionId, start, end: start + exact.length,
    category: "missing_space" as const, replacement: "the replacement", note: null, speaker: null,
  };
}

describe("ingest", () => {
  it("stores revision 1 with its blocks and an audit event, in one go", async () => {
    const a = await newArticle();
    const view = await getArticle({ db, actor: reviewer, id: a.id });
    expect(view.revision.number).toBe(1);
    expect(view.blocks.map((b) => b.kind)).toEqual(["outlet", "headline", "paragraph"]);
    expect(view.status).toBe("ingested");
    expect(await db.auditEvent.count({ where: { articleId: a.id, action: "ingest" } })).toBe(1);
  });

  it("is refused to a reviewer (403)", async () => {
    await expect(ingestArticle({ db, actor: reviewer, parsed: parseText(SAMPLE), sourceKind: "paste" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an unknown article id is not_found (404)", async () => {
    await expect(getArticle({ db, actor: editor, id: "no-such-id" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("annotations", () => {
  it("create stores both selectors and moves the article to editing", async () => {
    const a = await newArticle();
    const mark = await createAnnotation({ db, actor: editor, input: markInput(a) });
    expect(mark).toMatchObject({ exact: "thereplacement", status: "proposed", version: 1, authorId: editor.id });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: mark.id } });
    expect(row.prefix.endsWith("Crews finished ")).toBe(true);
    expect(row.suffix.startsWith(" of two cables")).toBe(true);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("editing");
  });

  it("refuses a reviewer, a range outside the text and a stale revision", async () => {
    const a = await newArticle();
    await expect(createAnnotation({ db, actor: reviewer, input: markInput(a) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAnnotation({ db, actor: editor, input: { ...markInput(a), start: 5, end: 9999 } })).rejects.toMatchObject({ code: "bad_input" });
    await expect(createAnnotation({ db, actor: editor, input: { ...markInput(a), revisionId: "old" } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("edit is guarded by version: a stale edit is a conflict and changes nothing", async () => {
    const a = await newArticle();
    const mark = await createAnnotation({ db, actor: editor, input: markInput(a) });
    const fields = { category: "missing_space" as const, replacement: "the replacement", speaker: null };
    const first = await updateAnnotation({ db, actor: admin, input: { id: mark.id, version: 1, ...fields, note: "admin's note" } });
    expect(first.version).toBe(2);
    await expect(updateAnnotation({ db, actor: editor, input: { id: mark.id, version: 1, ...fields, note: "my stale note" } })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: mark.id } })).note).toBe("admin's note");
    await expect(deleteAnnotation({ db, actor: editor, input: { id: mark.id, version: 1 } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("only the author (or an admin) may edit or delete; reviewers never", async () => {
    const a = await newArticle();
    const mark = await createAnnotation({ db, actor: editor, input: markInput(a) });
    const input = { id: mark.id, version: 1, category: "typo" as const, replacement: null, note: null, speaker: null };
    await expect(updateAnnotation({ db, actor: editor2, input })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateAnnotation({ db, actor: reviewer, input })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteAnnotation({ db, actor: editor2, input: { id: mark.id, version: 1 } })).rejects.toMatchObject({ code: "forbidden" });
    await deleteAnnotation({ db, actor: editor, input: { id: mark.id, version: 1 } });
    expect(await db.annotation.count({ where: { id: mark.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { articleId: a.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["annotate", "delete_annotation", "ingest"]);
  });
});

describe("block kinds", () => {
  it("relabelling makes revision 2 with the same text; annotations move with it; stale → conflict", async () => {
    const a = await newArticle();
    const mark = await createAnnotation({ db, actor: editor, input: markInput(a) });
    const { revisionId } = await changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 0, kind: "junk" });
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.revision).toMatchObject({ id: revisionId, number: 2 });
    expect(view.blocks[0].kind).toBe("junk");
    expect(view.annotations.map((x) => x.id)).toEqual([mark.id]);
    const r1 = await db.revision.findFirstOrThrow({ where: { articleId: a.id, number: 1 }, include: { blocks: true } });
    expect(r1.blocks.find((b) => b.position === 0)?.kind).toBe("outlet"); // revision 1 untouched
    await expect(changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 0, kind: "headline" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(changeBlockKind({ db, actor: reviewer, articleId: a.id, revisionId, position: 0, kind: "headline" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("article list", () => {
  it("newest first, case-insensitive title search, counts by category", async () => {
    const a = await newArticle("Zebra Crossing Repainted");
    await createAnnotation({ db, actor: editor, input: markInput(a) });
    const all = (await listArticles({ db })).items;
    const times = all.map((x) => x.createdAt.getTime());
    expect(times).toEqual([...times].sort((p, q) => q - p));
    const found = (await listArticles({ db, query: "zebra crossing" })).items;
    expect(found.map((x) => x.id)).toEqual([a.id]);
    expect(found[0].counts).toEqual({ missing_space: 1 });
    expect((await listArticles({ db, query: "no such title" })).items).toEqual([]);
  });
});
