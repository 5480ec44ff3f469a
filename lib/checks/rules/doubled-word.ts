import { finding } from "../finding";
import { isCapitalised } from "../text/tokens";
import type { Finding, Rule } from "../types";

/**
 * Doubles that English allows ("what it is is", "he had had enough", "that that"), and the ones
 * speech makes on purpose for emphasis or sound ("very very sad", "ha ha", "blah blah").
 */
const ALLOWED = new Set(["had", "that", "is", "very", "really", "many", "much", "so", "no", "yes", "ha", "haha", "blah", "tsk", "bye", "far", "long", "knock", "bang", "boom", "la", "now", "go"]);

export const doubledWord: Rule = {
  id: "doubled-word",
  category: "punctuation",
  description: 'The same word twice in a row ("the the").',
  examples: [{ text: "She said the the council would meet.", exact: "the the", replacement: "the" }],
  run(ctx) {
    const findings: Finding[] = [];
    const tokens = ctx.proseTokens;
    for (let i = 1; i < tokens.length; i++) {
      const [first, second] = [tokens[i - 1], tokens[i]];
      if (first.text.length !== second.text.length || first.block !== second.block || first.protected || second.protected) continue;
      const word = first.text.toLowerCase();
      // "to trump Trump", "at AT&T": a word and a name that share their letters
      if (first.text !== second.text && isCapitalised(second.text) && first.text !== first.text.toUpperCase()) continue;
      if (word !== second.text.toLowerCase() || ALLOWED.has(word) || !/^\p{L}+$/u.test(word)) continue;
      if (!/^[ \t]+$/.test(ctx.text.slice(first.end, second.start))) continue;
      findings.push(finding(ctx, doubledWord, first.start, second.end, first.text, `"${first.text}" twice in a row.`, 0.9));
    }
    return findings;
  },
};
