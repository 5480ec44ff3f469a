import { describe, expect, it } from "vitest";
import { fromWebAnnotation, utf16Offset, type ImportedAnnotation, type WebAnnotationImport } from "./from-web-annotation";
import { toAnnotationCollection, toWebAnnotation } from "./to-web-annotation";
import { annotation, TEXT } from "./testing";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const scope = { baseUrl: "http://localhost:3000", articleId: "art-1", revision: { id: "rev-2", number: 2, text: TEXT } };
const originals = [
  annotation("teh", { category: "typo", replacement: "the", note: "Spelling." }),
  annotation(", final", { category: "duplicate", replacement: "" }),
  annotation("“We are done,”", { category: "attribution", speaker: "Mayor Jane Doe" }),
  annotation("on Tuesday", { category: "style", note: "Which Tuesday?" }),
  annotation("budget", { category: "punctuation", status: "orphaned" }),
];

function imported(result: WebAnnotationImport) {
  if (!result.ok) throw new Error(`document refused: ${result.message}`);
  return result;
}

function onlyAnnotation(json: unknown): ImportedAnnotation {
  const { annotations, errors } = imported(fromWebAnnotation(json));
  expect(errors).toEqual([]);
  expect(annotations).toHaveLength(1);
  return annotations[0];
}

describe("fromWebAnnotation: Copydesk's own export", () => {
  const exported = JSON.parse(JSON.stringify(toAnnotationCollection({ ...scope, annotations: originals })));
  const result = imported(fromWebAnnotation(exported));

  it("reads every annotation of the collection back, in order", () => {
    expect(result.errors).toEqual([]);
    expect(result.annotations.map((a) => a.index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.annotations.map((a) => a.sourceId)).toEqual(exported.first.items.map((i: { id: string }) => i.id));
  });

  it.each(originals.map((a, i) => [a.category, i] as const))("gives back the %s annotation's fields", (_category, i) => {
    const original = originals[i];
    const back = result.annotations[i];
    expect(back).toMatchObject({
      exact: original.exact,
      prefix: original.prefix,
      suffix: original.suffix,
      category: original.category,
      replacement: original.replacement,
      note: original.note,
      speaker: original.speaker,
    });
    if (original.status === "orphaned") {
      expect(back.start).toBeUndefined();
    } else {
      expect(utf16Offset(TEXT, back.start ?? -1)).toBe(original.start);
      expect(utf16Offset(TEXT, back.end ?? -1)).toBe(original.end);
    }
  });

  it("keeps a deletion as \"\" and no replacement as null", () => {
    expect(result.annotations[1].replacement).toBe("");
    expect(result.annotations[3].replacement).toBeNull();
  });

  it("keeps a check's message (its assessing body) as note text, after the editor's note", () => {
    const suggestion = annotation("teh", { category: "typo", replacement: "the", note: "Fixed.", source: "check:typo", message: "Not in the dictionary." });
    expect(onlyAnnotation(JSON.parse(JSON.stringify(toWebAnnotation(scope, suggestion))))).toMatchObject({
      exact: "teh",
      replacement: "the",
      note: "Fixed.\n\nNot in the dictionary.",
    });
  });

  it("reads a stand-alone exported annotation", () => {
    expect(onlyAnnotation(toWebAnnotation(scope, originals[0]))).toMatchObject({ index: 0, exact: "teh", replacement: "the" });
  });
});

describe("fromWebAnnotation: other tools", () => {
  it("reads a Hypothesis-style annotation: a quote and one comment body", () => {
    const hypothesis = {
      "@context": CONTEXT,
      type: "Annotation",
      id: "https://hypothes.is/a/AbCdEf123",
      motivation: "commenting",
      body: { type: "TextualBody", value: "Should be *the*.", format: "text/markdown" },
      target: { source: "https://news.example/story", selector: { type: "TextQuoteSelector", exact: "teh", prefix: "mayor said ", suffix: " budget" } },
    };
    expect(onlyAnnotation(hypothesis)).toEqual({
      index: 0,
      sourceId: "https://hypothes.is/a/AbCdEf123",
      exact: "teh",
      prefix: "mayor said ",
      suffix: " budget",
      category: "other",
      replacement: null,
      note: "Should be *the*.",
      speaker: null,
    });
  });

  it("reads Hypothesis's JSON-LD export as written: DOM RangeSelector, +00:00 dates, tags, no motivation", () => {
    const exportLine = {
      "@context": CONTEXT,
      type: "Annotation",
      id: "https://hypothes.is/a/XyZ987",
      created: "2024-03-01T12:00:00.123456+00:00",
      modified: "2024-03-01T12:05:00.654321+00:00",
      creator: "acct:reader@hypothes.is",
      body: [
        { type: "TextualBody", value: "Double space?", format: "text/markdown" },
        { type: "TextualBody", purpose: "tagging", value: "todo" },
        { type: "TextualBody", purpose: "tagging", value: "Missing space" },
      ],
      target: [
        {
          source: "https://news.example/story",
          selector: [
            { type: "RangeSelector", startContainer: "/main[1]/p[2]", startOffset: 18, endContainer: "/main[1]/p[2]", endOffset: 21 },
            { type: "TextPositionSelector", start: 400, end: 403 },
            { type: "TextQuoteSelector", exact: "teh", prefix: "said ", suffix: " budget" },
          ],
        },
      ],
    };
    expect(onlyAnnotation(exportLine)).toMatchObject({ start: 400, end: 403, exact: "teh", category: "missing_space", note: "Double space?" });
  });

  it("reads a highlight without a body, a bodyValue comment, and uses the first target that quotes text", () => {
    const highlight = { "@context": CONTEXT, id: "urn:uuid:1", type: "Annotation", motivation: "highlighting", target: { source: "http://x.org/a", selector: { type: "TextQuoteSelector", exact: "budget" } } };
    expect(onlyAnnotation(highlight)).toMatchObject({ exact: "budget", prefix: "", suffix: "", note: null, category: "other", replacement: null });

    const stringBody = { ...highlight, motivation: undefined, bodyValue: "Check the figure.", target: ["http://x.org/a", highlight.target] };
    expect(onlyAnnotation(stringBody)).toMatchObject({ exact: "budget", note: "Check the figure." });
  });

  it("reads an AnnotationPage, and a collection listing its items directly", () => {
    const item = toWebAnnotation(scope, originals[0]);
    delete item["@context"];
    const page = { "@context": CONTEXT, id: "http://x.org/page1", type: "AnnotationPage", items: [item] };
    expect(imported(fromWebAnnotation(page)).annotations.map((a) => a.exact)).toEqual(["teh"]);
    const flat = { "@context": CONTEXT, id: "http://x.org/c", type: "AnnotationCollection", total: 1, first: "http://x.org/page1" };
    expect(fromWebAnnotation(flat).ok).toBe(false); // the page is only linked
    const { first: _linked, ...withItems } = flat;
    expect(imported(fromWebAnnotation({ ...withItems, total: 0, items: [item] })).annotations.map((a) => a.exact)).toEqual(["teh"]);
  });
});

describe("fromWebAnnotation: errors", () => {
  it("reports bad annotations by index and still imports the good ones", () => {
    const exported = toAnnotationCollection({ ...scope, annotations: originals.slice(0, 4) });
    const items: Record<string, unknown>[] = JSON.parse(JSON.stringify(exported.first?.items));
    const ids = items.map((i) => i.id);
    delete items[1].target;
    items[2].target = { source: "http://x.org/a", selector: { type: "TextPositionSelector", start: 1, end: 4 } };
    items[3].target = { source: "http://x.org/a", selector: [{ type: "TextQuoteSelector", exact: "x" }, { type: "TextPositionSelector", start: 9, end: 2 }] };
    const listed = [...items, { type: "Annotation" }, "not an annotation"];
    const result = imported(fromWebAnnotation({ ...exported, total: listed.length, first: { ...exported.first, items: listed } }));

    expect(result.annotations.map((a) => a.index)).toEqual([0]);
    expect(result.errors).toEqual([
      { index: 1, id: ids[1], message: "/ must have required property 'target'" },
      { index: 2, id: ids[2], message: expect.stringContaining("no TextQuoteSelector") },
      { index: 3, id: ids[3], message: "The TextPositionSelector ends before it starts." },
      { index: 4, message: "/ must have required property 'id'; / must have required property 'target'" },
      { index: 5, message: "/ must be object" },
    ]);
  });

  it("reports a lone invalid annotation as its item error", () => {
    const result = imported(fromWebAnnotation({ "@context": CONTEXT, id: "http://x.org/a", type: "Annotation", motivation: "fixing", target: "http://x.org/p" }));
    expect(result.annotations).toEqual([]);
    expect(result.errors).toEqual([{ index: 0, id: "http://x.org/a", message: "/motivation must be equal to one of the allowed values" }]);
  });

  it.each([
    ["a string", "hello", /expected a JSON object/],
    ["an unknown type", { type: "Note", items: [] }, /expected a JSON object/],
    ["a collection without id", { "@context": CONTEXT, type: "AnnotationCollection", total: 0 }, /required property 'id'/],
    ["a collection with a wrong @context", { "@context": "http://schema.org", id: "http://x.org/c", type: "AnnotationCollection" }, /\/@context/],
    ["a page whose items is not a list", { "@context": CONTEXT, id: "http://x.org/p", type: "AnnotationPage", items: {} }, /\/items must be array/],
    ["a page with no items", { "@context": CONTEXT, id: "http://x.org/p", type: "AnnotationPage", items: [] }, /\/items must NOT have fewer than 1 items/],
  ])("refuses %s as a whole", (_name, json, message) => {
    const result = fromWebAnnotation(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("refuses a collection with further pages rather than import part of it", () => {
    const exported = toAnnotationCollection({ ...scope, annotations: originals.slice(0, 1) });
    const result = fromWebAnnotation({ ...exported, first: { ...exported.first, next: "http://x.org/page2" } });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("more than one page") });
  });
});

describe("utf16Offset", () => {
  it("turns code points into UTF-16 indices and stops at the end", () => {
    expect(utf16Offset("a😀b", 2)).toBe(3);
    expect(utf16Offset("abc", 2)).toBe(2);
    expect(utf16Offset("ab", 9)).toBe(2);
  });
});
