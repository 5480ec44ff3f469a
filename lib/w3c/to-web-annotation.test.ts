import { describe, expect, it } from "vitest";
import { describeErrors, validateAnnotation, validateCollection, validateEmbeddedAnnotation } from "./schema/validate";
import {
  ANNO_CONTEXT,
  STATUS_PROPERTY,
  codePointOffset,
  toAnnotationCollection,
  toWebAnnotation,
} from "./to-web-annotation";
import { annotation, TEXT } from "./testing";

const scope = { baseUrl: "http://localhost:3000/", articleId: "art-1", revision: { id: "rev-2", number: 2, text: TEXT } };

const annotations = {
  typo: annotation("teh", { category: "typo", replacement: "the", note: "Spelling." }),
  deletion: annotation(", final", { category: "duplicate", replacement: "", status: "approved" }),
  attribution: annotation("“We are done,”", { category: "attribution", speaker: "Mayor Jane Doe" }),
  remark: annotation("on Tuesday", { category: "style", note: "Which Tuesday? Give the date." }),
};

const collection = toAnnotationCollection({ ...scope, annotations: Object.values(annotations) });
const items = collection.first?.items ?? [];
const item = (key: keyof typeof annotations) => items[Object.keys(annotations).indexOf(key)];

describe("toAnnotationCollection", () => {
  it("is a W3C AnnotationCollection with its one page embedded, valid against the schema", () => {
    expect(validateCollection(collection), describeErrors(validateCollection.errors).join("\n")).toBe(true);
    expect(collection).toMatchObject({
      "@context": ANNO_CONTEXT,
      id: "http://localhost:3000/api/articles/art-1/annotations",
      type: "AnnotationCollection",
      total: 4,
      first: { type: "AnnotationPage", partOf: "http://localhost:3000/api/articles/art-1/annotations", startIndex: 0 },
    });
    expect(collection.last).toBe(collection.first?.id);
    expect(collection.label).toContain("revision 2");
  });

  it.each(Object.keys(annotations))("exports the %s annotation as a valid Annotation", (key) => {
    const a = item(key as keyof typeof annotations);
    expect(validateEmbeddedAnnotation(a), describeErrors(validateEmbeddedAnnotation.errors).join("\n")).toBe(true);
    const alone = toWebAnnotation(scope, annotations[key as keyof typeof annotations]);
    expect(validateAnnotation(alone), describeErrors(validateAnnotation.errors).join("\n")).toBe(true);
    expect(alone["@context"]).toBe(ANNO_CONTEXT);
  });

  it("gives ids, creator, dates, status and the revision's stable URL as target", () => {
    expect(item("typo")).toMatchObject({
      id: `http://localhost:3000/api/articles/art-1/annotations/${annotations.typo.id}`,
      type: "Annotation",
      created: "2026-11-20T10:00:00.000Z",
      modified: "2026-11-21T09:30:00.000Z",
      creator: { id: "http://localhost:3000/users/user-1", type: "Person", name: "Ada Editor" },
      target: { source: "http://localhost:3000/articles/art-1/revisions/2" },
      [STATUS_PROPERTY]: "proposed",
    });
    expect(item("typo")["@context"]).toBeUndefined(); // inherited from the collection
  });

  it("selects by quote and by position, the position in code points as the spec counts", () => {
    const typo = annotations.typo;
    expect(item("typo").target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "teh", prefix: typo.prefix, suffix: typo.suffix },
      { type: "TextPositionSelector", start: typo.start - 1, end: typo.end - 1 },
    ]);
    expect(Array.from(TEXT).slice(typo.start - 1, typo.end - 1).join("")).toBe("teh");
  });

  it("states each field as a TextualBody with its purpose, and the main intent as motivation", () => {
    expect(item("typo").motivation).toBe("editing");
    expect(item("typo").body).toEqual([
      { type: "TextualBody", purpose: "commenting", value: "Spelling.", format: "text/plain" },
      { type: "TextualBody", purpose: "tagging", value: "typo", format: "text/plain" },
      { type: "TextualBody", purpose: "editing", value: "the", format: "text/plain" },
    ]);
    expect(item("attribution").motivation).toBe("identifying");
    expect(item("attribution").body).toContainEqual({ type: "TextualBody", purpose: "identifying", value: "Mayor Jane Doe", format: "text/plain" });
    expect(item("remark").motivation).toBe("commenting");
  });

  it("keeps a deletion (replacement \"\") apart from no replacement", () => {
    expect(item("deletion").motivation).toBe("editing");
    expect(item("deletion").body).toContainEqual({ type: "TextualBody", purpose: "editing", value: "", format: "text/plain" });
    expect(item("remark").body.some((b) => b.purpose === "editing")).toBe(false);
  });

  it("omits the note body when there is no note", () => {
    expect(item("deletion").body.map((b) => b.purpose)).toEqual(["tagging", "editing"]);
  });

  it("gives an orphaned annotation no position: its offsets are stale", () => {
    const orphan = toWebAnnotation(scope, annotation("budget", { status: "orphaned" }));
    expect(orphan.target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector"]);
    expect(validateAnnotation(orphan)).toBe(true);
  });

  it("exports an empty revision as a collection without pages", () => {
    const empty = toAnnotationCollection({ ...scope, annotations: [] });
    expect(empty).not.toHaveProperty("first");
    expect(empty.total).toBe(0);
    expect(validateCollection(empty)).toBe(true);
  });

  it("refuses an annotation from another revision rather than mislabel its offsets", () => {
    expect(() => toAnnotationCollection({ ...scope, annotations: [annotation("teh", { revisionId: "rev-1" })] })).toThrow(/revision rev-1/);
  });
});

describe("codePointOffset", () => {
  it("counts an astral character once", () => {
    expect(codePointOffset("a😀b", 3)).toBe(2);
    expect(codePointOffset("abc", 2)).toBe(2);
  });
});

describe("a machine suggestion", () => {
  const accepted = annotation("teh", {
    category: "typo", replacement: "the", source: "check:typo", message: "“teh” is not in the dictionary; did you mean “the”?", status: "proposed",
  });
  const exported = toWebAnnotation(scope, accepted);

  it("is credited to the checker as Software, not to the editor who accepted it, and stays valid", () => {
    expect(exported.creator).toEqual({ type: "Software", name: "Copydesk checks", nickname: "check:typo" });
    expect(JSON.stringify(exported)).not.toContain("Ada Editor");
    expect(validateAnnotation(exported), describeErrors(validateAnnotation.errors).join("\n")).toBe(true);
  });

  it("carries the rule's message as an assessing body beside the proposed change", () => {
    expect(exported.body).toEqual([
      { type: "TextualBody", purpose: "assessing", value: "“teh” is not in the dictionary; did you mean “the”?", format: "text/plain" },
      { type: "TextualBody", purpose: "tagging", value: "typo", format: "text/plain" },
      { type: "TextualBody", purpose: "editing", value: "the", format: "text/plain" },
    ]);
  });
});
