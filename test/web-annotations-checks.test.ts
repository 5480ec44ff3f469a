import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { exportWebAnnotations } from "@/lib/interchange/export-web-annotations";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";
import { acceptSuggestion } from "@/lib/suggestions/handle-suggestion";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { validateCollection } from "@/lib/w3c/schema/validate";
import { createTestDb, makeActor } from "./test-db";

const TEXT = "Harbour bridge reopens\n\nCrews finished thereplacement of two cables on Monday, the city said.";
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor;
beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

describe("W3C export of machine suggestions", () => {
  it("credits an accepted suggestion to the checker with its message, and the message survives an import", async () => {
    const source = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    await recheckArticle({ db, actor: editor, articleId: source.id });
    const found = await db.annotation.findFirstOrThrow({ where: { articleId: source.id, exact: "thereplacement" } });
    expect(found.source).toBe("check:missing-space");
    await acceptSuggestion({ db, actor: editor, id: found.id, version: found.version, values: { category: "missing_space", replacement: "the replacement", note: null, speaker: null } });

    const collection = await exportWebAnnotations({ db, actor: reviewer, articleId: source.id, baseUrl: "http://localhost:3000" });
    expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
    const item = collection.first!.items.find((i) => i.target.selector.some((s) => s.type === "TextQuoteSelector" && s.exact === "thereplacement"))!;
    expect(item.creator).toEqual({ type: "Software", name: "Copydesk checks", nickname: "check:missing-space" });
    expect(JSON.stringify(item)).not.toContain(editor.name);
    const message = item.body.find((b) => b.purpose === "assessing")?.value;
    expect(message).toBe(found.message);
    expect(item.body).toContainEqual({ type: "TextualBody", purpose: "editing", value: "the replacement", format: "text/plain" });

    const target = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    const report = await importWebAnnotations({ db, actor: editor, articleId: target.id, document: JSON.parse(JSON.stringify({ ...collection, first: { ...collection.first!, items: [item] }, total: 1 })) });
    expect(report.failed).toEqual([]);
    const copy = await db.annotation.findFirstOrThrow({ where: { articleId: target.id, exact: "thereplacement" } });
    expect(copy).toMatchObject({ replacement: "the replacement", note: found.message, source: "import" });
  });
});
