import type { TextQuote } from "@/lib/anchoring/quote-selector";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { AnnotationStatus } from "@/lib/annotations/categories";

/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/).
 *
 * @context: the collection carries exactly "http://www.w3.org/ns/anno.jsonld", as the spec's own
 * examples and simple consumers expect, and its embedded page and annotations inherit it (5.2: embedded
 * resources SHOULD NOT repeat it). Our one extension, the review status, is therefore keyed by a full
 * IRI (STATUS_PROPERTY) rather than a prefixed name: JSON-LD reads an absolute-IRI key as that property
 * with no context entry, so the document stays valid JSON-LD without a second context.
 */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/**
 * Copydesk's vocabulary. Fixed rather than derived from the app's base URL so that every deployment
 * writes the same property; `.example` is reserved (RFC 2606), so it can never clash with a real one.
 */
export const COPYDESK_NS = "https://copydesk.example/ns#";
export const STATUS_PROPERTY = `${COPYDESK_NS}status` as const;

/** What an export needs of an annotation: AnnotationView's fields plus the stored quote context. */
export type ExportableAnnotation = Pick<
  AnnotationView,
  | "id" | "revisionId" | "start" | "end" | "exact" | "category" | "replacement" | "note" | "speaker" | "status"
  | "authorId" | "authorName" | "createdAt" | "updatedAt" | "source" | "message"
> &
  TextQuote;

export interface ExportScope {
  /** the app's origin, e.g. "http://localhost:3000": every id in the export is built on it */
  baseUrl: string;
  articleId: string;
  /** the revision the annotations are anchored on; its text turns our offsets into the spec's */
  revision: { id: string; number: number; text: string };
}

export interface CollectionOptions extends ExportScope {
  annotations: ExportableAnnotation[];
}

type Motivation = "assessing" | "commenting" | "editing" | "identifying" | "tagging";

export interface TextualBody {
  type: "TextualBody";
  purpose: Motivation;
  value: string;
  format: "text/plain";
}

export type Selector =
  | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }
  | { type: "TextPositionSelector"; start: number; end: number };

export interface WebAnnotation {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: Motivation;
  created: string;
  modified: string;
  creator: Person | Software;
  target: { source: string; selector: Selector[] };
  body: TextualBody[];
  [STATUS_PROPERTY]: AnnotationStatus;
}

export interface Person {
  id: string;
  type: "Person";
  name: string;
}

/** 3.3.2: an automated agent. The rule is its nickname ("check:missing-space"), as the app shows it. */
export interface Software {
  type: "Software";
  name: typeof CHECKER_NAME;
  nickname: string;
}

const CHECKER_NAME = "Copydesk checks";

export interface AnnotationPage {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: AnnotationPage;
  last?: string;
}

/**
 * The revision's annotations as one AnnotationCollection with its single page embedded (5.1/5.2).
 * An empty collection has no page: a page MUST list at least one annotation.
 */
export function toAnnotationCollection(opts: CollectionOptions): AnnotationCollection {
  const id = collectionId(opts);
  const collection: AnnotationCollection = {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Copydesk annotations on article ${opts.articleId}, revision ${opts.revision.number}`,
    total: opts.annotations.length,
  };
  if (opts.annotations.length === 0) return collection;
  // A fragment of the collection's own IRI: the page exists only embedded here, so it needs no route.
  const first: AnnotationPage = {
    id: `${id}#page1`,
    type: "AnnotationPage",
    partOf: id,
    startIndex: 0,
    items: opts.annotations.map((a) => webAnnotation(opts, a)),
  };
  return { ...collection, first, last: first.id };
}

/** One annotation as a stand-alone JSON-LD document (what its own id should serve). */
export function toWebAnnotation(scope: ExportScope, a: ExportableAnnotation): WebAnnotation {
  return { "@context": ANNO_CONTEXT, ...webAnnotation(scope, a) };
}

function webAnnotation(scope: ExportScope, a: ExportableAnnotation): WebAnnotation {
  if (a.revisionId !== scope.revision.id) {
    // Offsets only mean something on the revision they were taken on: exporting them under another
    // revision's URL would point at the wrong words.
    throw new Error(`Annotation ${a.id} is on revision ${a.revisionId}, not the exported ${scope.revision.id}`);
  }
  return {
    id: `${collectionId(scope)}/${encodeURIComponent(a.id)}`,
    type: "Annotation",
    motivation: motivationOf(a),
    created: a.createdAt,
    modified: a.updatedAt,
    creator: creatorOf(scope, a),
    target: { source: revisionUrl(scope), selector: selectorsOf(scope.revision.text, a) },
    body: bodiesOf(a),
    [STATUS_PROPERTY]: a.status,
  };
}

/**
 * Who made it: a machine suggestion is the checker's finding even after an editor accepted it (the
 * editor may have adjusted the replacement, but the finding and its message are the rule's).
 */
function creatorOf(scope: ExportScope, a: ExportableAnnotation): Person | Software {
  if (a.source.startsWith("check:")) return { type: "Software", name: CHECKER_NAME, nickname: a.source };
  return { id: `${baseOf(scope)}/users/${encodeURIComponent(a.authorId)}`, type: "Person", name: a.authorName };
}

/**
 * The annotation's main intent, from the spec's Motivation vocabulary (3.3.5): a proposed replacement
 * (even "", a deletion) is "editing" ("a request for a change or edit"); an attribution naming its
 * speaker is "identifying" ("assign an identity to the Target"); anything else is an editor's remark,
 * "commenting". Each body states its own purpose too, so readers need not rely on this.
 */
function motivationOf(a: ExportableAnnotation): Motivation {
  if (a.replacement !== null) return "editing";
  if (a.category === "attribution" && a.speaker !== null) return "identifying";
  return "commenting";
}

/**
 * Quote first: it is what survives edits. An orphaned annotation's offsets are left over from the
 * revision it lost its place in, so it gets no TextPositionSelector rather than a wrong one.
 */
function selectorsOf(text: string, a: ExportableAnnotation): Selector[] {
  const quote: Selector = { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix };
  if (a.status === "orphaned") return [quote];
  return [quote, { type: "TextPositionSelector", start: codePointOffset(text, a.start), end: codePointOffset(text, a.end) }];
}

/**
 * 4.2.4/4.2.5: positions count Unicode code points; ours are UTF-16 indices, which differ after any
 * character outside the Basic Multilingual Plane (an emoji counts 2 for us, 1 for the spec).
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  return Array.from(text.slice(0, utf16Offset)).length;
}

/**
 * One TextualBody per field that is set. A replacement of "" (delete the range) is still an editing
 * body with an empty value; "no replacement" is the absence of an editing body. A check's message is
 * its assessment of the text ("assessing"), kept apart from an editor's note ("commenting").
 */
function bodiesOf(a: ExportableAnnotation): TextualBody[] {
  const fields: [Motivation, string | null][] = [
    ["assessing", a.message],
    ["commenting", a.note],
    ["tagging", a.category],
    ["editing", a.replacement],
    ["identifying", a.speaker],
  ];
  return fields.flatMap(([purpose, value]) => (value === null ? [] : [{ type: "TextualBody", purpose, value, format: "text/plain" }]));
}

function baseOf(scope: ExportScope): string {
  return scope.baseUrl.replace(/\/+$/, "");
}

function collectionId(scope: ExportScope): string {
  return `${baseOf(scope)}/api/articles/${encodeURIComponent(scope.articleId)}/annotations`;
}

/** A revision's stable URL: revision numbers never change, unlike "the article" whose text does. */
function revisionUrl(scope: ExportScope): string {
  return `${baseOf(scope)}/articles/${encodeURIComponent(scope.articleId)}/revisions/${scope.revision.number}`;
}
