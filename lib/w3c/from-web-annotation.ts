import type { ValidateFunction } from "ajv";
import { z } from "zod";
import { annotationCategorySchema, type AnnotationCategory } from "@/lib/annotations/categories";
import {
  describeErrors,
  validateAnnotation,
  validateCollection,
  validateEmbeddedAnnotation,
  validatePage,
  significantErrors,
} from "./schema/validate";

/**
 * W3C Web Annotation import: from Copydesk's own export or another tool's (Hypothesis and the like).
 * Each document is checked against the Web Annotation JSON Schema, then zod reads the few things
 * Copydesk keeps. Placing the result in an article's text is the caller's job (lib/anchoring/reanchor).
 */

/** One annotation read from the document, ready to be anchored. */
export interface ImportedAnnotation {
  /** where it was in the document's list (0 for a lone annotation) */
  index: number;
  /** the annotation's own IRI in the tool it came from */
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * From a TextPositionSelector beside the quote, when there is one. These count Unicode code points
   * as the spec says, not UTF-16 indices: convert with `utf16Offset` against the text they point into.
   */
  start?: number;
  end?: number;
  category: AnnotationCategory;
  /** null: no change proposed; "" deletes the range */
  replacement: string | null;
  note: string | null;
  speaker: string | null;
}

export interface ImportItemError {
  index: number;
  id?: string;
  message: string;
}

export type WebAnnotationImport =
  | { ok: true; annotations: ImportedAnnotation[]; errors: ImportItemError[] }
  /** the document as a whole could not be read: nothing in it was imported */
  | { ok: false; message: string };

// Enough of an error list to act on, without burying it.
const MAX_MESSAGES = 5;

/**
 * Read a single Annotation, an AnnotationPage, or an AnnotationCollection whose page is embedded.
 * A broken annotation inside a list is reported by its index and the others are still imported.
 */
export function fromWebAnnotation(json: unknown): WebAnnotationImport {
  const list = listOf(json);
  if ("message" in list) return { ok: false, message: list.message };
  const annotations: ImportedAnnotation[] = [];
  const errors: ImportItemError[] = [];
  list.items.forEach((item, index) => {
    const read = readItem(item, index, list.validateItem);
    if ("message" in read) errors.push(read);
    else annotations.push(read);
  });
  return { ok: true, annotations, errors };
}

/**
 * The UTF-16 index (what Copydesk and reanchor use) of an offset counted in code points (what a
 * TextPositionSelector holds) in `text`; an offset past the end gives the text's length.
 */
export function utf16Offset(text: string, codePoints: number): number {
  let index = 0;
  for (let n = 0; n < codePoints && index < text.length; n++) {
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }
  return index;
}

type AnnotationList = { items: unknown[]; validateItem: ValidateFunction } | { message: string };

const pageShape = z.object({ items: z.array(z.unknown()), next: z.string().optional() });
const collectionShape = z.object({
  first: z.union([z.string(), pageShape]).optional(),
  // not in the spec, but some tools list a collection's annotations on the collection itself
  items: z.array(z.unknown()).optional(),
});

function listOf(json: unknown): AnnotationList {
  const types = typesOf(json);
  if (types.includes("AnnotationCollection")) return collectionList(json);
  if (types.includes("AnnotationPage")) {
    return envelopeError(validatePage, json, "/items") ?? { items: pageShape.parse(json).items, validateItem: validateEmbeddedAnnotation };
  }
  if (types.includes("Annotation")) return { items: [json], validateItem: validateAnnotation };
  return { message: 'This is not a W3C Web Annotation document: expected a JSON object whose "type" is Annotation, AnnotationPage or AnnotationCollection.' };
}

function collectionList(json: unknown): AnnotationList {
  const invalid = envelopeError(validateCollection, json, "/first/items");
  if (invalid) return invalid;
  const { first, items } = collectionShape.parse(json);
  if (typeof first === "string") {
    return { message: "The collection's first page is only linked, not included: export it with its annotations embedded." };
  }
  if (first?.next) {
    return { message: "The collection has more than one page; only a collection whose annotations are all in its first page can be imported." };
  }
  return { items: first?.items ?? items ?? [], validateItem: validateEmbeddedAnnotation };
}

/**
 * What is wrong with the document around its annotations, if anything. Errors inside the list are
 * left out here: each annotation is checked on its own, so one bad item does not sink the rest.
 */
function envelopeError(validate: ValidateFunction, json: unknown, itemsPointer: string): { message: string } | undefined {
  if (validate(json)) return undefined;
  const outside = significantErrors(validate.errors).filter((e) => !e.instancePath.startsWith(`${itemsPointer}/`));
  if (outside.length === 0) return undefined;
  return { message: `This is not a valid W3C Web Annotation document: ${describeErrors(outside).slice(0, MAX_MESSAGES).join("; ")}` };
}

function typesOf(json: unknown): unknown[] {
  if (typeof json !== "object" || json === null || !("type" in json)) return [];
  return [json.type].flat();
}

/** A problem that makes one annotation unusable for Copydesk though it may be valid W3C. */
class Unusable extends Error {}

function readItem(item: unknown, index: number, validate: ValidateFunction): ImportedAnnotation | ImportItemError {
  const id = idOf(item);
  if (!validate(item)) {
    return { index, id, message: describeErrors(validate.errors).slice(0, MAX_MESSAGES).join("; ") };
  }
  try {
    return { index, ...readAnnotation(item) };
  } catch (e) {
    if (e instanceof z.ZodError) return { index, id, message: e.issues.map((i) => i.message).join("; ") };
    if (e instanceof Unusable) return { index, id, message: e.message };
    throw e;
  }
}

function idOf(item: unknown): string | undefined {
  return typeof item === "object" && item !== null && "id" in item && typeof item.id === "string" ? item.id : undefined;
}

/** A value the spec allows once or as an array, always read as an array. */
function many<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.array(schema)]).transform((v) => [v].flat() as z.output<T>[]);
}

const annotationShape = z.object({
  id: z.string(),
  motivation: many(z.string()).optional(),
  body: many(z.unknown()).optional(),
  bodyValue: z.string().optional(),
  target: many(z.union([z.string(), z.object({ selector: many(z.unknown()).optional() })])),
});
type AnnotationShape = z.output<typeof annotationShape>;

function readAnnotation(item: unknown): Omit<ImportedAnnotation, "index"> {
  const a = annotationShape.parse(item);
  return { sourceId: a.id, ...textSelection(a.target), ...fieldsFromBodies(textualBodies(a)) };
}

const quoteSelector = z.object({
  exact: z.string().min(1, "The TextQuoteSelector quotes no text."),
  prefix: z.string().default(""),
  suffix: z.string().default(""),
});
const positionSelector = z
  .object({ start: z.int().nonnegative(), end: z.int().nonnegative() })
  .refine((s) => s.end >= s.start, "The TextPositionSelector ends before it starts.");

/**
 * The quote (and position, if given) of the first target that quotes text. Copydesk anchors by quote,
 * so a target known only by IRI, or by a selector that needs the original page's DOM, is unusable.
 */
function textSelection(targets: AnnotationShape["target"]) {
  for (const target of targets) {
    const selectors = typeof target === "string" ? [] : (target.selector ?? []);
    const quote = selectors.find(hasType("TextQuoteSelector"));
    if (!quote) continue;
    const position = selectors.find(hasType("TextPositionSelector"));
    return { ...quoteSelector.parse(quote), ...(position ? positionSelector.parse(position) : {}) };
  }
  throw new Unusable("The annotation quotes no text (no TextQuoteSelector on its target), so it cannot be placed in the article.");
}

function hasType(type: string) {
  return (selector: unknown) => typeof selector === "object" && selector !== null && "type" in selector && selector.type === type;
}

const textualBody = z.object({ value: z.string(), purpose: many(z.string()).optional() });

interface Purposed {
  value: string;
  purposes: string[];
}

/**
 * The annotation's embedded texts with what each is for. A body without a purpose serves the
 * annotation's motivation (3.3.5); with neither stated it is taken as a comment, the usual case.
 * bodyValue is a plain-text TextualBody (3.2.5). Bodies given by IRI or as Choices are not read.
 */
function textualBodies(a: AnnotationShape): Purposed[] {
  const bodies = a.bodyValue === undefined ? (a.body ?? []) : [{ value: a.bodyValue }];
  return bodies.flatMap((body) => {
    const parsed = textualBody.safeParse(body);
    if (!parsed.success) return [];
    return [{ value: parsed.data.value, purposes: parsed.data.purpose ?? a.motivation ?? ["commenting"] }];
  });
}

/** Copydesk's fields from the bodies' purposes: the inverse of the export's bodies. */
function fieldsFromBodies(bodies: Purposed[]) {
  const valuesFor = (purpose: string) => bodies.filter((b) => b.purposes.includes(purpose)).map((b) => b.value);
  // a checker's assessment (our export's check message) is kept as note text, after any comment
  const notes = [...valuesFor("commenting"), ...valuesFor("assessing")];
  return {
    category: valuesFor("tagging").map(categoryOf).find((c) => c !== undefined) ?? "other",
    // first editing body, kept as is: "" (delete the range) must not turn into "no replacement"
    replacement: valuesFor("editing")[0] ?? null,
    note: notes.length > 0 ? notes.join("\n\n") : null,
    speaker: valuesFor("identifying")[0] ?? null,
  };
}

/** A tag naming one of our categories, written as people tag ("Missing space", "missing-space"). */
function categoryOf(tag: string): AnnotationCategory | undefined {
  const parsed = annotationCategorySchema.safeParse(tag.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  return parsed.success ? parsed.data : undefined;
}
