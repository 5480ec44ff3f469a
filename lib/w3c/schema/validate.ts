import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import collectionSchema from "./annotation-collection.schema.json";
import pageSchema from "./annotation-page.schema.json";
import annotationSchema from "./annotation.schema.json";

// allErrors: an importer reports every broken item of a collection, not just the first one found.
// strict: a typo in the schema files fails at load instead of silently checking nothing; strictRequired
// is left off because `required` inside if/not names properties that are declared beside it, not in it.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv, ["date-time"]);
ajv.addSchema([annotationSchema, pageSchema, collectionSchema]);

function compiled(id: string) {
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`JSON Schema ${id} is not loaded`);
  return validate;
}

/** A stand-alone Annotation (with @context). */
export const validateAnnotation = compiled(annotationSchema.$id);
/** An Annotation as listed in a page's items (no @context of its own). */
export const validateEmbeddedAnnotation = compiled(`${annotationSchema.$id}#/definitions/embeddedAnnotation`);
/** A stand-alone AnnotationPage (with @context). */
export const validatePage = compiled(pageSchema.$id);
export const validateCollection = compiled(collectionSchema.$id);

/**
 * The errors that say what is wrong. "must match then schema" and "must match a schema in anyOf" only
 * summarize the errors reported beside them, at the same place or deeper, and would mislead anyone
 * locating a problem by path (an error in one item would also show up on the list holding it).
 */
export function significantErrors(errors: ErrorObject[] | null | undefined): ErrorObject[] {
  return (errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "anyOf");
}

/** One readable line per schema error, e.g. "/target/selector/1/start must be >= 0". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  const lines = significantErrors(errors).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return [...new Set(lines)];
}
