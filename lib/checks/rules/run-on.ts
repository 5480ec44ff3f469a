import { finding } from "../finding";
import { oneSpaceApart, startsLowercase, stem } from "../text/tokens";
import type { Finding, Rule } from "../types";

/** Capitalised words that, right after a lower-case word and a space, can only start a new sentence. */
const SENTENCE_STARTS = new Set(["He", "She", "We", "They", "It", "No", "Yes", "But", "So", "And", "Then", "Yeah", "Now"]);
/** After these the first sentence broke off mid-thought ("including sanctions and No, …"). */
const BROKEN_OFF = new Set(["and", "or", "but", "the", "a", "of", "to", "with", "including", "because", "that"]);

export const runOn: Rule = {
  id: "run-on",
  category: "punctuation",
  description:
    "Two sentences run together with no punctuation between them (often in transcribed quotes): a lower-case word followed by a capitalised pronoun or interjection.",
  examples: [
    { text: '"We got along very well He and I talked," he said.', exact: "well He", replacement: "well. He" },
    { text: '"We discussed sanctions and No, we did not agree," he said.', exact: "and No", replacement: "and… No" },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    const { text } = ctx;
    const tokens = ctx.proseTokens;
    for (let i = 1; i < tokens.length; i++) {
      const [before, next] = [tokens[i - 1], tokens[i]];
      const word = stem(next.text);
      if (!SENTENCE_STARTS.has(word) || before.block !== next.block || ctx.titleCaseBlocks.has(next.block)) continue;
      if (!startsLowercase(before.text) || !oneSpaceApart(text, before, next)) continue;
      // "We still", "No, we": the capital is followed by a comma, an apostrophe or a lower-case word
      const after = text.slice(next.start + word.length, next.start + word.length + 2);
      if (!/^(?:[,'’]| \p{Ll})/u.test(after)) continue;
      const broken = BROKEN_OFF.has(before.text);
      const replacement = broken ? `${before.text}… ${word}` : `${before.text}. ${word}`;
      const message = broken ? "The sentence breaks off and a new one starts: mark the break." : "Two sentences run together: end the first one.";
      findings.push(finding(ctx, runOn, before.start, next.start + word.length, replacement, message, 0.8));
    }
    return findings;
  },
};
