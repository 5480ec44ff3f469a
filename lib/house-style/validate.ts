import { z } from "zod";
import { ANNOTATION_CATEGORIES } from "@/lib/annotations/categories";
import { compilePattern, PATTERN_FLAGS, PatternError, templateMaxGroup } from "./pattern";
import { HOUSE_RULE_SEVERITIES, type HouseRuleSpec } from "./types";
import { MAX_PHRASE_TOKENS, phraseKeys } from "./words";

/**
 * Sizes are bounded so that one rule cannot make the compiled set or a check run large: a word list of
 * 2,000 entries is a whole banned-words list, a pattern of 500 characters is far past any style rule.
 */
export const HOUSE_RULE_LIMITS = {
  keyLength: 64,
  titleLength: 120,
  messageLength: 500,
  phraseLength: 100,
  replacementLength: 200,
  fromEntries: 50,
  consistencyForms: 10,
  wordListEntries: 2000,
  patternLength: 500,
  examples: 20,
  exampleLength: 2000,
  linkLength: 2000,
} as const;

const L = HOUSE_RULE_LIMITS;
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`);
const replacement = z.string().max(L.replacementLength, `a replacement is longer than ${L.replacementLength} characters`);

const phrase = text(L.phraseLength, "a word or phrase").refine((p) => phraseKeys(p).length <= MAX_PHRASE_TOKENS, {
  message: `a phrase may have at most ${MAX_PHRASE_TOKENS} words and punctuation marks`,
});

const substitution = z
  .object({
    kind: z.literal("substitution"),
    from: z.array(phrase).min(1, "give at least one word or phrase to replace").max(L.fromEntries, `at most ${L.fromEntries} words or phrases`),
    to: replacement,
    caseSensitive: z.boolean().optional(),
  })
  .strict();

const pattern = z
  .object({
    kind: z.literal("pattern"),
    pattern: z.string().min(1, "the pattern must not be empty").max(L.patternLength, `the pattern is longer than ${L.patternLength} characters`),
    flags: z
      .string()
      .refine((f) => [...f].every((c) => (PATTERN_FLAGS as readonly string[]).includes(c)) && new Set(f).size === f.length, {
        message: `flags may be ${PATTERN_FLAGS.join(", ")}, each once (g and y are implied or meaningless here)`,
      })
      .optional(),
    replacement: replacement.nullable().optional(),
  })
  .strict();

const consistency = z
  .object({
    kind: z.literal("consistency"),
    forms: z.array(phrase).min(2, "give at least two forms").max(L.consistencyForms, `at most ${L.consistencyForms} forms`),
  })
  .strict();

const wordList = z
  .object({
    kind: z.literal("word_list"),
    flag: z
      .array(z.object({ word: phrase, replacement: replacement.nullable().optional() }).strict())
      .min(1, "give at least one word to flag")
      .max(L.wordListEntries, `at most ${L.wordListEntries} words`),
    allow: z.array(phrase).max(L.wordListEntries, `at most ${L.wordListEntries} allowed words`).optional(),
    caseSensitive: z.boolean().optional(),
  })
  .strict();

const exampleText = z.string().min(1, "an example must not be empty").max(L.exampleLength, `an example is longer than ${L.exampleLength} characters`);

export const houseRuleSchema = z
  .object({
    key: z.string().regex(KEY, "the key is lower-case letters, digits and single dashes, like email-one-word").max(L.keyLength),
    version: z.number().int().min(1).max(1_000_000),
    title: text(L.titleLength, "the title"),
    category: z.enum(ANNOTATION_CATEGORIES, { error: `the category is one of ${ANNOTATION_CATEGORIES.join(", ")}` }),
    message: text(L.messageLength, "the message"),
    severity: z.enum(HOUSE_RULE_SEVERITIES, { error: `the severity is one of ${HOUSE_RULE_SEVERITIES.join(", ")}` }),
    link: z
      .url({ protocol: /^https?$/, error: "the link must be an http(s) address" })
      .max(L.linkLength)
      .nullable()
      .optional(),
    body: z.discriminatedUnion("kind", [substitution, pattern, consistency, wordList], {
      error: "the kind is one of substitution, pattern, consistency, word_list",
    }),
    examples: z
      .object({
        flag: z
          .array(z.object({ text: exampleText, expected: replacement.nullable().optional() }).strict())
          .max(L.examples, `at most ${L.examples} examples`),
        pass: z.array(exampleText).max(L.examples, `at most ${L.examples} examples`),
      })
      .strict(),
  })
  .strict();

export interface RuleError {
  /** where, as a dotted path into the rule ("body.pattern", "examples.flag.0.text"); "" for the whole rule */
  path: string;
  message: string;
}

export type ParseHouseRuleResult = { ok: true; rule: HouseRuleSpec } | { ok: false; errors: RuleError[] };

const fold = (s: string) => phraseKeys(s).join("\u0000");

/** What the schema cannot say: the pattern compiles in the safe engine, forms differ, a replacement is not the word itself. */
function semanticErrors(rule: HouseRuleSpec): RuleError[] {
  const errors: RuleError[] = [];
  const body = rule.body;
  switch (body.kind) {
    case "pattern": {
      try {
        const re = compilePattern(body.pattern, body.flags);
        // an empty match flags nothing an editor can see, and would be found at every position
        if (re.testExact("")) errors.push({ path: "body.pattern", message: "the pattern matches empty text; it must match at least one character" });
        const needed = body.replacement ? templateMaxGroup(body.replacement) : 0;
        if (needed > re.groupCount())
          errors.push({ path: "body.replacement", message: `the replacement uses $${needed} but the pattern has ${re.groupCount()} capturing group(s)` });
      } catch (e) {
        errors.push({ path: "body.pattern", message: e instanceof PatternError ? e.message : String(e) });
      }
      break;
    }
    case "substitution":
      body.from.forEach((f, i) => {
        if (body.caseSensitive ? f.trim() === body.to.trim() : fold(f) === fold(body.to))
          errors.push({ path: `body.from.${i}`, message: `"${f}" is already the house form "${body.to}"` });
      });
      break;
    case "consistency": {
      const seen = new Map<string, number>();
      body.forms.forEach((f, i) => {
        const k = fold(f);
        if (seen.has(k)) errors.push({ path: `body.forms.${i}`, message: `"${f}" is the same form as "${body.forms[seen.get(k)!]}" (forms are compared ignoring case)` });
        else seen.set(k, i);
      });
      break;
    }
    case "word_list":
      break;
  }
  return errors;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A house rule from untrusted input (a form, a file, the database), with every problem and where it is. */
export function parseHouseRule(input: unknown): ParseHouseRuleResult {
  const parsed = houseRuleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const path = i.path.map(String).join(".");
        // a field left out reads better as missing than as a wrong type
        const missing = i.path.length > 0 && valueAt(input, i.path) === undefined;
        return { path, message: missing ? `${i.path.at(-1)!.toString()} is missing` : i.message };
      }),
    };
  }
  const rule = parsed.data as HouseRuleSpec;
  const errors = semanticErrors(rule);
  return errors.length ? { ok: false, errors } : { ok: true, rule };
}
