import type { AnnotationCategory } from "@/lib/annotations/categories";
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
