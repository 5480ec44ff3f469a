import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { listArticles } from "@/lib/articles/list-articles";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { createTestDb, makeActor, testDatabase } from "./test-db";

// Runs on both databases (npm test runs test/ once per database): what SQLite and PostgreSQL would
// otherwise do differently must come out the same.
const { db, close } = createTestDb();
let editor: Actor;
const TITLES = ["Harbour Fire at Dawn", "ÉCOLE closes for winter", "A 100% turnout", "snake_case in headlines", "Zebra crossing", "apple harvest"];

beforeAll(async () => {
  editor = await makeActor(db, "editor");
  for (const title of TITLES) await ingestArticle({ db, actor: editor, parsed: parseText(`${title}\n\nBody of the story.`), sourceKind: "paste" });
});
afterAll(close);

const search = async (query: string) => (await listArticles({ db, query })).items.map((a) => a.title).sort();

describe(`portable behaviour (${testDatabase})`, () => {
  it("title search ignores case, also beyond ASCII", async () => {
    expect(await search("HARBOUR")).toEqual(["Harbour Fire at Dawn"]);
    expect(await search("harbour fire")).toEqual(["Harbour Fire at Dawn"]);
    expect(await search("école")).toEqual(["ÉCOLE closes for winter"]);
    expect(await search("  École  ")).toEqual(["ÉCOLE closes for winter"]);
  });

  it("title search treats LIKE's wildcards as plain characters", async () => {
    expect(await search("%")).toEqual(["A 100% turnout"]);
    expect(await search("_")).toEqual(["snake_case in headlines"]);
    expect(await search("h_rbour")).toEqual([]);
  });

  it("JSON kept as text comes back byte for byte", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "ingest", article: { title: "ÉCOLE closes for winter" } } });
    expect(JSON.parse(event.after!)).toMatchObject({ title: "ÉCOLE closes for winter", revision: 1 });
  });

  it("strings sort by code point (the test databases use the C collation, like SQLite)", async () => {
    const rows = await db.article.findMany({ where: { title: { in: ["Zebra crossing", "apple harvest", "A 100% turnout"] } }, orderBy: { title: "asc" }, select: { title: true } });
    expect(rows.map((r) => r.title)).toEqual(["A 100% turnout", "Zebra crossing", "apple harvest"]);
  });
});
