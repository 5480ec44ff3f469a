import { parseHouseRule } from "@/lib/house-style/validate";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import { AppError } from "@/lib/errors";

/** A stored version's spec (written by this module only, after validation). */
export const readSpec = (json: string): HouseRuleSpec => JSON.parse(json) as HouseRuleSpec;

/**
 * Validate a rule as a person typed it, as the version it will become. Refusals carry every problem
 * by path ("body.pattern") so the editor shows each beside its field; the engine's words explain a
 * refused regular expression (e.g. back-references are not supported by the linear-time engine).
 */
export function validateSpec(input: unknown, key: string, version: number): HouseRuleSpec {
  const parsed = parseHouseRule({ ...(input as object), key, version });
  if (parsed.ok) return parsed.rule;
  const fields: Record<string, string> = {};
  for (const e of parsed.errors) fields[e.path || "rule"] ??= e.message;
  const first = parsed.errors[0];
  throw new AppError(
    "bad_input",
    `The rule was not saved: ${first.path ? `${first.path}: ` : ""}${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ""}.`,
    fields,
  );
}

/** The spec as people read it in a diff: stable key order, no version (every version has its own). */
export function specText(spec: HouseRuleSpec): string {
  const { key, title, category, severity, message, link, body, examples } = spec;
  return JSON.stringify({ key, title, category, severity, message, link: link ?? null, body, examples }, null, 2);
}
