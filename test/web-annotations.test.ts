import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { exportWebAnnotations } from "@/lib/interchange/export-web-annotations";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";
import { validateAnnotation } from "@/lib/w3c/schema/validate";
import { createTestDb, makeActor } from "./test-db";

const FIXTURE = readFileSync(path.join(__dirname, "..", "..", "shared", "fixtures", "voz-trump-petro.txt"), "utf8") + "\n\nA closing line with an emoji 🎉 and thecapture again.";
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor;
beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

async function article() {
  return ingestArticle({ db, actor: editor, parsed: parseText(FIXTURE), sourceKind: "paste" });
}

describe("W3C Web Annotation export and import", () => {
  it("export → import onto the same text gives the same annotations; every exported annotation is valid", async () => {
    const source = await article();
    const text = parseText(FIXTURE).text;
    const marks = [
      { exact: "thecapture", category: "missing_space" as const, replacement: "the capture", note: null, speaker: null, occurrence: 2 },
      { exact: "Gustavo Petro and Donald Trump at The White House", category: "duplicate" as const, replacement: "", note: "repeated caption", speaker: null, occurrence: 1 },
      { exact: "leader of illegal drug trafficking", category: "attribution" as const, replacement: null, note: null, speaker: "Donald Trump", occurrence: 1 },
    ];
    for (const m of marks) {
      let at = -1;
      for (let i = 0; i < m.occurrence; i++) at = text.indexOf(m.exact, at + 1);
      await createAnnotation({ db, actor: editor, input: { articleId: source.id, revisionId: source.revisionId, start: at, end: at + m.exact.length, category: m.category, replacement: m.replacement, note: m.note, speaker: m.speaker } });
    }
    const collection = await exportWebAnnotations({ db, actor: reviewer, articleId: source.id, baseUrl: "http://localhost:3000" });
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.total).toBe(3);
    for (const item of collection.first!.items) expect(validateAnnotation({ "@context": "http://www.w3.org/ns/anno.jsonld", ...item }), JSON.stringify(validateAnnotation.errors)).toBe(true);

    const target = await article();
    const report = await importWebAnnotations({ db, actor: editor, articleId: target.id, document: JSON.parse(JSON.stringify(collection)) });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(3);
    const key = (a: { start: number; end: number; category: string; replacement: string | null; note: string | null; speaker: string | null }) =>
      [a.start, a.end, a.category, a.replacement, a.note, a.speaker].join("|");
    const before = (await getArticle({ db, actor: editor, id: source.id })).annotations.map(key).sort();
    const after = (await getArticle({ db, actor: editor, id: target.id })).annotations.map(key).sort();
    expect(after).toEqual(before);
  });

  it("a Hypothesis-style annotation (quote only) anchors by quote and context; one that cannot be found is reported", async () => {
    const target = await article();
    const report = await importWebAnnotations({
      db, actor: editor, articleId: target.id,
      document: {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        id: "https://hypothes.is/export/page1",
        type: "AnnotationPage",
        items: [
          {
            id: "https://hypothes.is/a/abc", type: "Annotation",
            body: [{ type: "TextualBody", value: "Which party said this?", purpose: "commenting" }],
            target: { source: "https://example.com/story", selector: [{ type: "TextQuoteSelector", exact: "by the parties", prefix: 'described as "cordial" ', suffix: ", lasted more" }] },
          },
          {
            id: "https://hypothes.is/a/gone", type: "Annotation",
            target: { source: "https://example.com/story", selector: { type: "TextQuoteSelector", exact: "a sentence this article never had" } },
          },
          { id: "https://hypothes.is/a/broken", type: "Annotation" },
        ],
      },
    });
    expect(report.imported).toHaveLength(1);
    expect(report.failed.map((f) => f.index).sort()).toEqual([1, 2]);
    const view = await getArticle({ db, actor: editor, id: target.id });
    expect(view.annotations[0]).toMatchObject({ exact: "by the parties", note: "Which party said this?", category: "other", source: "import" });
  });

  it("a reviewer may not import; a document that is not an annotation is refused whole", async () => {
    const target = await article();
    await expect(importWebAnnotations({ db, actor: reviewer, articleId: target.id, document: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importWebAnnotations({ db, actor: editor, articleId: target.id, document: { hello: "world" } })).rejects.toMatchObject({ code: "bad_input" });
  });
});
