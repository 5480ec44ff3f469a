import { finding } from "../finding";
import type { Finding, Rule } from "../types";

/** Doubles that English allows ("what it is is", "he had had enough", "that that"). */
const ALLOWED = new Set(["had", "that", "is"]);

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
      if (first.text.length !== second.text.length || first.block !== second.block) continue;
      const word = first.text.toLowerCase();
      if (word !== second.text.toLowerCase() || ALLOWED.has(word) || !/^\p{L}+$/u.test(word)) continue;
      if (!/^[ \t]+$/.test(ctx.text.slice(first.end, second.start))) continue;
      findings.push(finding(ctx, doubledWord, first.start, second.end, first.text, `"${first.text}" twice in a row.`, 0.9));
    }
    return findings;
  },
};
