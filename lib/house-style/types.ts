import type { AnnotationCategory } from "@/lib/annotations/categories";

/**
 * House style as data (issue 12): the rules a newsroom writes for itself, as plain JSON-safe values so
 * they travel unchanged from the database, a rule-set file or the CLI into the checks' worker thread.
 * The engine (lib/house-style/engine) knows nothing of the database; the use cases (lib/house-rules)
 * store, publish and measure these specs.
 */
export const HOUSE_RULE_KINDS = ["substitution", "pattern", "consistency", "word_list"] as const;
export type HouseRuleKind = (typeof HOUSE_RULE_KINDS)[number];

export const HOUSE_RULE_SEVERITIES = ["error", "warning", "advice"] as const;
export type HouseRuleSeverity = (typeof HOUSE_RULE_SEVERITIES)[number];

/** Text the rule must flag, and what it must offer there (null: flag only, no replacement). */
export interface MustFlagExample {
  text: string;
  /** the replacement the first finding must offer; omitted or null when the rule proposes none */
  expected?: string | null;
}

export type HouseRuleBody =
  /** "e-mail" → "email": whole words/phrases, matched case-insensitively; the replacement keeps the
   * case shape of what it replaces (Capitalised, UPPER) unless `caseSensitive` */
  | { kind: "substitution"; from: string[]; to: string; caseSensitive?: boolean }
  /** a regular expression (JavaScript syntax, checked for catastrophic backtracking before it is
   * accepted); `replacement` may use $1…$9 and $&. It runs in RE2 (decision 025: no lookahead, no
   * backreferences) and matches within one paragraph (^ and $ are the paragraph's start and end) */
  | { kind: "pattern"; pattern: string; flags?: string; replacement?: string | null }
  /** either form, not both in one article: every occurrence of the minority forms is flagged with the
   * article's majority form (ties: the first form listed) as the replacement */
  | { kind: "consistency"; forms: string[] }
  /** words to flag (optionally each with its house form) and words always allowed: an allowed phrase
   * that covers a flagged word keeps it from being flagged there ("top ten" with "ten" flagged);
   * `caseSensitive` flags only the words as written ("ten", not "Ten" opening a sentence) */
  | { kind: "word_list"; flag: { word: string; replacement?: string | null }[]; allow?: string[]; caseSensitive?: boolean };

export interface HouseRuleSpec {
  /** stable key, unique in a rule set: lower-case letters, digits and dashes ("email-one-word") */
  key: string;
  /** the published version this spec is (1, 2, …); drafts carry the version they will become */
  version: number;
  title: string;
  category: AnnotationCategory;
  message: string;
  severity: HouseRuleSeverity;
  /** link to the style-guide entry */
  link?: string | null;
  body: HouseRuleBody;
  examples: { flag: MustFlagExample[]; pass: string[] };
}

/** One match of a house rule in a text; the checks turn it into a Finding with rule `house:<key>`. */
export interface HouseMatch {
  key: string;
  version: number;
  start: number;
  end: number;
  exact: string;
  replacement: string | null;
  message: string;
}

/** Finding.rule for a house rule's finding; built-in rules keep their plain ids. */
export const houseRuleId = (key: string) => `house:${key}`;
