import type { AnnotationCategory } from "@/lib/annotations/categories";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "./context";

/** What a check returns before it is stored (architecture: domain words). */
export interface Finding {
  rule: string;
  category: AnnotationCategory;
  /** [start, end) as UTF-16 indices into the revision text */
  start: number;
  end: number;
  exact: string;
  /** the suggested text; "" deletes, null when only a person can say what is right */
  replacement: string | null;
  message: string;
  /** 0..1: how sure the rule is that this is a defect */
  confidence: number;
  /** house rules (rule `house:<key>`): the published version that made the finding, so precision is per version */
  ruleVersion?: number;
}

/** One quotation and who said it, for the panel's Attribution view. */
export interface QuoteAttribution {
  /** the words inside the quotation marks */
  start: number;
  end: number;
  quote: string;
  /** the speaker's full name as first given in the article, a noun phrase ("the governor"), or null */
  speaker: string | null;
  /** why: the words that tie the quote to its speaker */
  evidence: string;
}

export interface CheckInput {
  text: string;
  blocks: Block[];
  /** the newsroom dictionary: words that are right even though the English dictionary lacks them */
  extraWords?: string[];
  /** the newsroom's published house-style rules, as plain specs (they cross into the checks' thread) */
  houseRules?: HouseRuleSpec[];
  /**
   * names this exact set of specs, e.g. its published "key@version" list, when the caller knows one:
   * the compiled set is then found without hashing every spec (tens of milliseconds for 10,000 rules).
   * It must change whenever any spec in the set changes; without it the specs' content is hashed.
   */
  houseRulesKey?: string;
}

export interface RuleExample {
  /** a small article (plain text, blocks separated by blank lines) */
  text: string;
  /** the text the rule marks in it */
  exact: string;
  replacement: string | null;
}

export interface Rule {
  id: string;
  category: AnnotationCategory;
  description: string;
  examples: RuleExample[];
  run(ctx: CheckContext): Finding[];
}
