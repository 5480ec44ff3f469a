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
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { validateAnnotation } from "@/lib/w3c/schema/validate";
import { longestLoopGap } from "@/lib/threads/testing";
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

  it("hostile selectors cost what a normal one does: a 1 MB prefix on a common word, a 200,000-character quote, a quote that matches roughly everywhere, too many items", async () => {
    const target = await article();
    const quote = (exact: string, prefix = "", suffix = "") => ({ type: "TextQuoteSelector", exact, prefix, suffix });
    const one = (id: string, selector: object) => ({ id, type: "Annotation", target: { source: "urn:x", selector } });
    const began = performance.now();
    const report = await importWebAnnotations({
      db, actor: editor, articleId: target.id,
      document: {
        "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:page", type: "AnnotationPage",
        items: [
          // "the" occurs all over the text: every copy was compared with the whole prefix (~1 MB each)
          one("urn:a:prefix", quote("the", "q".repeat(1_000_000), "r".repeat(1_000_000))),
          one("urn:a:long", quote("Trump ".repeat(33_000))),
        ],
      },
    });
    // was: minutes of one request's CPU on the server thread (quadratic in the prefix)
    expect(performance.now() - began).toBeLessThan(5_000);
    expect(report.imported).toEqual([]);
    expect(report.failed.map((f) => f.reason)).toEqual([expect.stringMatching(/not anchored/), expect.stringMatching(/over 2,000 characters is placed only where it occurs word for word/)]);

    // text built so that a short quote matches roughly everywhere: seconds of approximate search
    const trap = await ingestArticle({ db, actor: editor, parsed: parseText(`Trap\n\n${"a".repeat(200_000)}`), sourceKind: "paste", checks: "none" });
    const { result: refused, maxGap, took } = await longestLoopGap(() =>
      importWebAnnotations({
        db, actor: editor, articleId: trap.id, budgetMs: 1_000,
        document: { "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:trap", type: "AnnotationPage", items: [one("urn:t", quote(`${"a".repeat(99)}b`))] },
      }).catch((e: unknown) => e),
    );
    expect(refused).toMatchObject({ code: "bad_input", message: expect.stringMatching(/took longer than 1 s, so none was imported/) });
    // placing ran on its own thread: this one stayed free for other people's pages meanwhile
    expect(maxGap, `longest gap ${maxGap.toFixed(0)} ms of ${took.toFixed(0)} ms`).toBeLessThan(Math.max(100, took / 4));

    const many = Array.from({ length: 5_001 }, (_, i) => one(`urn:m:${i}`, quote("Petro")));
    await expect(importWebAnnotations({ db, actor: editor, articleId: target.id, document: { "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:page", type: "AnnotationPage", items: many } }))
      .rejects.toMatchObject({ code: "bad_input", message: expect.stringMatching(/at most 5,000 at a time/) });
  });

  it("a reviewer may not import; a document that is not an annotation is refused whole", async () => {
    const target = await article();
    await expect(importWebAnnotations({ db, actor: reviewer, articleId: target.id, document: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importWebAnnotations({ db, actor: editor, articleId: target.id, document: { hello: "world" } })).rejects.toMatchObject({ code: "bad_input" });
  });
});

describe("emoji within 32 characters of a mark", () => {
  // an odd number of code units before the typo puts the 32-unit context cut inside a pair
  const EMOJI_TEXT = "Party time\n\nThe crowd cheered 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 wasthe best 🎉 of the 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 year.";
  const ingest = () => ingestArticle({ db, actor: editor, parsed: parseText(EMOJI_TEXT), sourceKind: "paste" });
  const text = parseText(EMOJI_TEXT).text;

  it("saves the mark, exports it, and imports it back onto the same text", async () => {
    const source = await ingest();
    const ranges = [0, 1, 2, 3].map((shift) => text.indexOf("wasthe") + shift);
    for (const start of ranges) {
      await createAnnotation({ db, actor: editor, input: { articleId: source.id, revisionId: source.revisionId, start, end: start + 3, category: "typo", replacement: "x", note: null, speaker: null } });
    }
    const stored = await db.annotation.findMany({ where: { articleId: source.id }, select: { prefix: true, suffix: true } });
    expect(stored).toHaveLength(4);
    for (const q of stored) expect(/\p{Cs}/u.test(q.prefix + q.suffix)).toBe(false);

    const collection = await exportWebAnnotations({ db, actor: reviewer, articleId: source.id, baseUrl: "http://localhost:3000" });
    const target = await ingest();
    const report = await importWebAnnotations({ db, actor: editor, articleId: target.id, document: JSON.parse(JSON.stringify(collection)) });
    expect(report).toMatchObject({ failed: [] });
    expect(report.imported).toHaveLength(4);
  });

  it("a broken item (half an emoji in its fields or quote) is reported on its own; the rest is imported", async () => {
    const target = await ingest();
    const item = (id: string, exact: string, value: string) => ({
      id, type: "Annotation",
      body: [{ type: "TextualBody", value, purpose: "editing" }],
      target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact } },
    });
    const report = await importWebAnnotations({
      db, actor: editor, articleId: target.id,
      document: {
        "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:page", type: "AnnotationPage",
        items: [
          item("urn:good", "wasthe best", "was the best"),
          item("urn:lone-replacement", "of the", "of \ud83c the"),
          item("urn:half-quote", "\udf89 wasthe best \ud83c", "x"),
        ],
      },
    });
    expect(report.imported.map((i) => i.index)).toEqual([0]);
    expect(report.failed.map((f) => f.index).sort()).toEqual([1, 2]);
  });

  it("the automatic checks store their suggestions next to emoji", async () => {
    const a = await ingest();
    const run = await recheckArticle({ db, actor: editor, articleId: a.id });
    expect(run.added).toBeGreaterThan(0);
    const suggestions = await db.annotation.findMany({ where: { articleId: a.id, status: "suggested" }, select: { exact: true } });
    expect(suggestions.map((x) => x.exact)).toContain("wasthe");
  });
});
