import { describe, expect, it } from "vitest";
import { describeErrors, validateAnnotation, validateCollection, validatePage } from "./schema/validate";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const base = { "@context": CONTEXT, id: "http://example.org/anno1", type: "Annotation" };
const quoteTarget = {
  source: "http://example.org/page1",
  selector: { type: "TextQuoteSelector", exact: "anotation", prefix: "this is an ", suffix: " that has some" },
};

function errorsOf(doc: unknown): string[] {
  return validateAnnotation(doc) ? [] : describeErrors(validateAnnotation.errors);
}

describe("annotation schema: accepts the spec's examples", () => {
  const examples: Record<string, object> = {
    "1 basic": { ...base, body: "http://example.org/post1", target: "http://example.com/page1" },
    "5 textual body": {
      ...base,
      body: { type: "TextualBody", value: "<p>j'adore !</p>", format: "text/html", language: "fr" },
      target: "http://example.org/photo1",
    },
    "6 bodyValue": { ...base, bodyValue: "Comment text", target: "http://example.org/target1" },
    "8 no body": { ...base, target: "http://example.org/ebook1" },
    "9 multiple bodies and targets": {
      ...base,
      body: ["http://example.org/description1", { type: "TextualBody", value: "tag1" }],
      target: ["http://example.org/image1", "http://example.org/image2"],
    },
    "10 choice": {
      ...base,
      body: { type: "Choice", items: [{ id: "http://example.org/note1", language: "en" }, { id: "http://example.org/note2", language: "fr" }] },
      target: "http://example.org/website1",
    },
    "12 agents": {
      ...base,
      creator: { id: "http://example.org/user1", type: "Person", name: "My Pseudonym", nickname: "pseudo", email_sha1: "58bad08927902ff9307b621c54716dcc5083e339" },
      generator: { id: "http://example.org/client1", type: "Software", name: "Code v2.1", homepage: "http://example.org/client1/homepage1" },
      body: "http://example.net/review1",
      target: "http://example.com/restaurant1",
    },
    "15 motivation and purpose": {
      ...base,
      motivation: "bookmarking",
      body: [
        { type: "TextualBody", value: "readme", purpose: "tagging" },
        { type: "TextualBody", value: "A good description", purpose: "describing" },
      ],
      target: "http://example.com/page1",
    },
    "18 specific resource with purpose": {
      ...base,
      body: { type: "SpecificResource", purpose: "tagging", source: "http://example.org/city1" },
      target: { id: "http://example.org/photo1", type: "Image" },
    },
    "23 text quote": { ...base, body: "http://example.org/comment1", target: quoteTarget },
    "28 range selector": {
      ...base,
      body: "http://example.org/comment1",
      target: {
        source: "http://example.org/page1.html",
        selector: {
          type: "RangeSelector",
          startSelector: { type: "XPathSelector", value: "//table[1]/tr[1]/td[2]" },
          endSelector: { type: "XPathSelector", value: "//table[1]/tr[1]/td[4]" },
        },
      },
    },
    "29 refinement": {
      ...base,
      body: "http://example.org/comment1",
      target: {
        source: "http://example.org/page1",
        selector: { type: "FragmentSelector", value: "para5", refinedBy: { type: "TextQuoteSelector", exact: "Selected Text" } },
      },
    },
    "41 complete": {
      ...base,
      motivation: "commenting",
      creator: { id: "http://example.org/user1", type: "Person", name: "A. Person", nickname: "user1" },
      created: "2015-10-13T13:00:00Z",
      generated: "2015-10-14T15:13:28Z",
      stylesheet: { id: "http://example.org/stylesheet1", type: "CssStylesheet" },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "love" },
        {
          type: "Choice",
          items: [
            { type: "TextualBody", purpose: "describing", value: "I really love this.", format: "text/plain", language: "en" },
            { type: "SpecificResource", purpose: "describing", source: { id: "http://example.org/comment1", type: "Audio" } },
          ],
        },
      ],
      target: {
        type: "SpecificResource",
        styleClass: "mystyle",
        source: "http://example.com/document1",
        state: [{ type: "HttpRequestState", value: "Accept: application/xml", refinedBy: { type: "TimeState", sourceDate: "2015-09-25T12:00:00Z" } }],
        selector: { type: "FragmentSelector", value: "xpointer(/doc/body/section[2]/para[1])", refinedBy: { type: "TextPositionSelector", start: 6, end: 27 } },
      },
    },
  };
  it.each(Object.entries(examples))("example %s", (_name, doc) => {
    expect(errorsOf(doc)).toEqual([]);
  });

  it("accepts an extra @context and a motivation defined by IRI (the spec's extension points)", () => {
    expect(errorsOf({ ...base, "@context": [CONTEXT, { cd: "https://copydesk.example/ns#" }], motivation: "cd:fact-checking", target: quoteTarget })).toEqual([]);
  });
});

describe("annotation schema: rejects malformed annotations", () => {
  const cases: [string, object, string][] = [
    ["a TextPositionSelector with a negative start", { ...base, target: { source: "http://x.org/a", selector: { type: "TextPositionSelector", start: -1, end: 4 } } }, "/target/selector/start must be >= 0"],
    ["a TextPositionSelector with a fractional end", { ...base, target: { source: "http://x.org/a", selector: { type: "TextPositionSelector", start: 1, end: 4.5 } } }, "/target/selector/end must be integer"],
    ["a TextPositionSelector without end", { ...base, target: { source: "http://x.org/a", selector: { type: "TextPositionSelector", start: 1 } } }, "/target/selector must have required property 'end'"],
    ["a TextQuoteSelector without exact", { ...base, target: { source: "http://x.org/a", selector: { type: "TextQuoteSelector", prefix: "a" } } }, "/target/selector must have required property 'exact'"],
    ["a missing target", { ...base, body: "http://x.org/b" }, "/ must have required property 'target'"],
    ["an empty target list", { ...base, target: [] }, "/target must NOT have fewer than 1 items"],
    ["a bad motivation", { ...base, motivation: "fixing", target: quoteTarget }, "/motivation must be equal to one of the allowed values"],
    ["a bad body purpose", { ...base, body: { type: "TextualBody", value: "x", purpose: "noting" }, target: quoteTarget }, "/body/purpose must be equal to one of the allowed values"],
    ["a TextualBody without value", { ...base, body: { type: "TextualBody", format: "text/plain" }, target: quoteTarget }, "/body must have required property 'value'"],
    ["a body object that is nothing", { ...base, body: { format: "text/plain" }, target: quoteTarget }, "/body must have required property 'id'"],
    ["a SpecificResource without source", { ...base, target: { type: "SpecificResource", selector: quoteTarget.selector } }, "/target must have required property 'source'"],
    ["a TextualBody as target", { ...base, target: { id: "http://x.org/t", type: "TextualBody", value: "x" } }, "/target/type must NOT be valid"],
    ["body and bodyValue together", { ...base, body: "http://x.org/b", bodyValue: "x", target: quoteTarget }, "/ must NOT be valid"],
    ["a created that is no xsd:dateTime", { ...base, created: "yesterday", target: quoteTarget }, '/created must match format "date-time"'],
    ["a created without a time zone", { ...base, created: "2024-03-01T12:00:00", target: quoteTarget }, '/created must match format "date-time"'],
    ["no Annotation type", { ...base, type: "Note", target: quoteTarget }, "/type must be equal to constant"],
    ["a missing @context", { id: base.id, type: "Annotation", target: quoteTarget }, "/ must have required property '@context'"],
    ["another @context", { ...base, "@context": "https://www.w3.org/ns/activitystreams", target: quoteTarget }, "/@context must be equal to constant"],
    ["a single @context inside an array", { ...base, "@context": [CONTEXT], target: quoteTarget }, "/@context must NOT have fewer than 2 items"],
    ["an id that is not an IRI", { ...base, id: "anno 1", target: quoteTarget }, '/id must match pattern "^[A-Za-z][A-Za-z0-9+.-]*:\\S*$"'],
    ["a RangeSelector with neither form", { ...base, target: { source: "http://x.org/a", selector: { type: "RangeSelector" } } }, "/target/selector must have required property 'startSelector'"],
  ];
  it.each(cases)("%s", (_name, doc, error) => {
    expect(errorsOf(doc)).toContain(error);
  });
});

describe("collection and page schemas", () => {
  const item = { id: "http://example.org/anno1", type: "Annotation", body: "http://example.net/comment1", target: "http://example.com/book/chapter1" };
  const collection = { "@context": CONTEXT, id: "http://example.org/collection1", type: "AnnotationCollection", label: "Two Annotations", total: 1 };

  it("accepts the spec's examples 38 (linked page), 39 (page) and 40 (embedded page)", () => {
    expect(validateCollection({ ...collection, total: 42023, first: "http://example.org/page1", last: "http://example.org/page42" })).toBe(true);
    expect(validatePage({ "@context": CONTEXT, id: "http://example.org/page1", type: "AnnotationPage", partOf: { id: collection.id, total: 42023 }, next: "http://example.org/page2", startIndex: 0, items: [item] })).toBe(true);
    expect(validateCollection({ ...collection, first: { id: "http://example.org/page1", type: "AnnotationPage", startIndex: 0, items: [item] } })).toBe(true);
  });

  it("accepts an empty collection without pages", () => {
    expect(validateCollection({ ...collection, total: 0 })).toBe(true);
  });

  it("rejects a non-empty collection without a first page", () => {
    expect(validateCollection(collection)).toBe(false);
    expect(describeErrors(validateCollection.errors)).toEqual(["/ must have required property 'first'"]);
  });

  it("rejects an empty page, a page without @context and a broken annotation in a page", () => {
    const page = { "@context": CONTEXT, id: "http://example.org/page1", type: "AnnotationPage" };
    expect(validatePage({ ...page, items: [] })).toBe(false);
    expect(validatePage({ id: page.id, type: page.type, items: [item] })).toBe(false);
    expect(validateCollection({ ...collection, first: { id: page.id, type: page.type, items: [{ ...item, target: undefined }] } })).toBe(false);
    expect(describeErrors(validateCollection.errors)).toEqual(["/first/items/0 must have required property 'target'"]);
  });

  it("rejects a negative total and a collection of the wrong type", () => {
    expect(validateCollection({ ...collection, total: -1, first: "http://example.org/page1" })).toBe(false);
    expect(validateCollection({ ...collection, type: "AnnotationPage", first: "http://example.org/page1" })).toBe(false);
  });
});
