import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { formatArticleCursor, listArticles, parseArticleCursor, type ArticleCursor, type ArticlePage } from "@/lib/articles/list-articles";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { createTestDb, makeActor, testDatabase } from "./test-db";

// The home list in pages of `take` (keyset paging on createdAt, id). Runs on both databases.
const { db, close } = createTestDb();
let editor: Actor;
const TAKE = 5;
const ingest = async (title: string) =>
  (await ingestArticle({ db, actor: editor, parsed: parseText(`${title}\n\nBody of the story.`), sourceKind: "paste", checks: "none" })).id;

beforeAll(async () => {
  editor = await makeActor(db, "editor");
  for (let i = 0; i < 13; i++) await ingest(i % 3 === 0 ? `Harbour 100% report ${i}` : `Council story ${i}`);
  // several articles with one timestamp: the id must break the tie, or a page edge would skip or repeat them
  const tied = await db.article.findMany({ orderBy: { createdAt: "asc" }, take: 7, skip: 3, select: { id: true } });
  await db.article.updateMany({ where: { id: { in: tied.map((t) => t.id) } }, data: { createdAt: new Date("2026-01-02T03:04:05.678Z") } });
});
afterAll(close);

/** every article in the list's order, read straight from the database */
const everyId = async (where = {}) =>
  (await db.article.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((a) => a.id);
const ids = (p: ArticlePage) => p.items.map((a) => a.id);

async function walkOlder(query?: string): Promise<ArticlePage[]> {
  const pages = [await listArticles({ db, query, take: TAKE })];
  while (pages.at(-1)!.older) pages.push(await listArticles({ db, query, take: TAKE, after: pages.at(-1)!.older }));
  return pages;
}

describe(`article list paging (${testDatabase})`, () => {
  it("walking Older from the first page shows every article once, in order, ties included", async () => {
    const pages = await walkOlder();
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 3]);
    expect(pages.flatMap(ids)).toEqual(await everyId());
    expect(pages[0].newer).toBeNull();
    expect(pages.slice(1).every((p) => p.newer)).toBe(true);
    expect(pages.at(-1)!.older).toBeNull();
  });

  it("walking Newer back from the last page gives the same pages", async () => {
    const forward = await walkOlder();
    const back = [forward.at(-1)!];
    while (back.at(-1)!.newer) back.push(await listArticles({ db, take: TAKE, before: back.at(-1)!.newer }));
    expect(back.map(ids).reverse()).toEqual(forward.map(ids));
    expect(back.at(-1)!.newer).toBeNull(); // back at the top: the first page, with no Newer link
  });

  it("a Newer link with less than a page above it shows the first page whole", async () => {
    const all = await everyId();
    const fromThird = await listArticles({ db, take: TAKE, before: await cursorOf(all[2]) });
    expect(ids(fromThird)).toEqual(all.slice(0, TAKE));
    expect(fromThird.newer).toBeNull();
  });

  it("an article ingested while someone pages does not shift the next page", async () => {
    const first = await listArticles({ db, take: TAKE });
    const fresh = await ingest("Breaking: late story");
    const second = await listArticles({ db, take: TAKE, after: first.older });
    expect(ids(second)).not.toContain(fresh);
    expect(ids(second)[0]).toBe((await everyId()).at(TAKE + 1)); // the fresh one now sits at 0
    await db.article.delete({ where: { id: fresh } });
  });

  it("pages a title search, also one with LIKE's wildcards, only over matching titles", async () => {
    const harbour = await everyId({ titleSearch: { contains: "harbour" } });
    expect(harbour).toHaveLength(5);
    for (const q of ["HARBOUR", "100%"]) {
      const pages = await listArticles({ db, query: q, take: 2 }).then(async (p) => {
        const all = [p];
        while (all.at(-1)!.older) all.push(await listArticles({ db, query: q, take: 2, after: all.at(-1)!.older }));
        return all;
      });
      expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap(ids)).toEqual(harbour);
      const back = await listArticles({ db, query: q, take: 2, before: pages[2].newer });
      expect(ids(back)).toEqual(ids(pages[1]));
    }
  });

  it("a title search typed with straight quotes and in lower case finds typographic ones", async () => {
    const id = await ingest("O’Malley’s “last stand” at the harbour");
    for (const q of ["o'malley", "O’MALLEY’S", '"last stand"']) expect(ids(await listArticles({ db, query: q, take: TAKE }))).toEqual([id]);
    await db.article.delete({ where: { id } });
  });

  it("counts each page's own articles' open annotations", async () => {
    const all = await everyId();
    // one mark on the newest article (page 1) and two on the oldest (page 3)
    for (const [id, n] of [[all[0], 1], [all.at(-1)!, 2]] as const) {
      const revision = await db.revision.findFirstOrThrow({ where: { articleId: id }, select: { id: true, text: true } });
      for (let i = 0; i < n; i++) {
        const start = revision.text.indexOf("story");
        await createAnnotation({
          db, actor: editor,
          input: { articleId: id, revisionId: revision.id, start, end: start + 5, category: i ? "style" : "typo", replacement: null, note: `note ${i}`, speaker: null },
        });
      }
    }
    const [first, , last] = await walkOlder();
    expect(first.items.map((a) => a.total)).toEqual([1, 0, 0, 0, 0]);
    expect(first.items[0].counts).toEqual({ typo: 1 });
    expect(last.items.map((a) => a.total)).toEqual([0, 0, 2]);
    expect(last.items[2].counts).toEqual({ typo: 1, style: 1 });
  });

  it("a cursor survives the URL and anything else is no cursor (the first page)", () => {
    const c: ArticleCursor = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id: "cmabc123" };
    expect(parseArticleCursor(formatArticleCursor(c))).toEqual(c);
    for (const bad of [undefined, "", "abc", "1.2.3", "12.", ".id", "12.id;drop", ["1.a", "2.b"], "1".repeat(16) + ".x"]) {
      expect(parseArticleCursor(bad)).toBeNull();
    }
  });
});

async function cursorOf(id: string): Promise<ArticleCursor> {
  const a = await db.article.findUniqueOrThrow({ where: { id }, select: { id: true, createdAt: true } });
  return { id: a.id, createdAt: a.createdAt };
}
