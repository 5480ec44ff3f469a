import type { Rule } from "../types";
import { capitalisation } from "./capitalisation";
import { conjunctionComma } from "./conjunction-comma";
import { doubledWord } from "./doubled-word";
import { duplicateBlock } from "./duplicate-block";
import { missingByline } from "./missing-byline";
import { missingCredit } from "./missing-credit";
import { missingSpace } from "./missing-space";
import { pageJunk } from "./page-junk";
import { punctuationSpacing } from "./punctuation-spacing";
import { quoteAttribution } from "./quote-attribution";
import { runOn } from "./run-on";
import { typo } from "./typo";
import { unbalancedQuotes } from "./unbalanced-quotes";

export const RULES: readonly Rule[] = [
  missingSpace,
  typo,
  runOn,
  conjunctionComma,
  doubledWord,
  punctuationSpacing,
  unbalancedQuotes,
  capitalisation,
  duplicateBlock,
  pageJunk,
  quoteAttribution,
  missingByline,
  missingCredit,
];
