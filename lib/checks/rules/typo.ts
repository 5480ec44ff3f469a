import type { CheckContext } from "../context";
import { budgetSpent, finding } from "../finding";
import { hasDigit, isAllCaps, isCapitalised, startsSentence } from "../text/tokens";
import type { Finding, Rule } from "../types";

/** Why an unknown word is not a typo, or null when it is one. */
function excuse(ctx: CheckContext, word: string): string | null {
  if (ctx.dictionary.knows(word)) return "known";
  if (word.length < 2 || hasDigit(word) || isAllCaps(word)) return "not a word";
  if (/\p{Ll}\p{Lu}/u.test(word)) return "mixed case: a brand or a run-together word";
  if (isCapitalised(word) && ctx.names.isName(word)) return "a name in this article";
  if (/^\p{Ll}+$/u.test(word) && ctx.splitWords(word).length) return "run together";
  return null;
}

export const typo: Rule = {
  id: "typo",
  category: "typo",
  description:
    "A word missing from the English dictionary and the newsroom's own list. Capitalised words the article uses as names (in a multi-word name, or capitalised every time) are left alone.",
  examples: [
    { text: "The council said the goverment would pay.", exact: "goverment", replacement: "government" },
    { text: "Teh mayor spoke on Monday.", exact: "Teh", replacement: "The" },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    for (const t of ctx.proseTokens) {
      if (budgetSpent(findings)) break;
      if (t.protected || excuse(ctx, t.text)) continue;
      // a capitalised word the dictionary lacks is usually a name; only at a sentence start one slip from a word is it suspect
      const capitalised = isCapitalised(t.text);
      if (capitalised && !startsSentence(ctx.text, t.start, t.block.start)) continue;
      const suggestions = ctx.dictionary.suggest(t.text, 3, capitalised ? 1 : 2);
      if (capitalised && suggestions.length === 0) continue;
      const message = suggestions.length ? `Not in the dictionary. Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "Not in the dictionary.";
      findings.push(finding(ctx, typo, t.start, t.end, suggestions[0] ?? null, message, capitalised ? 0.5 : suggestions.length ? 0.8 : 0.6));
    }
    return findings;
  },
};
