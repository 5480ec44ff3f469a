import { finding } from "../finding";
import { oneSpaceApart, startsLowercase, stem } from "../text/tokens";
import type { Finding, Rule } from "../types";

const CONJUNCTIONS = new Set(["but", "yet"]);
/** Subjects that show a full clause follows the conjunction. */
const SUBJECTS = new Set(["I", "we", "he", "she", "they", "it", "you", "there"]);
/** Here "but" means "except" ("all but one", "nothing but"), or "yet" follows a conjunction that already joins ("and yet"). */
const EXCEPT = new Set(["all", "nothing", "anything", "everything", "anyone", "everyone", "none", "last", "no", "one", "and", "or"]);

export const conjunctionComma: Rule = {
  id: "conjunction-comma",
  category: "punctuation",
  description: 'A missing comma before "but" or "yet" that joins two full clauses (a run-on sentence).',
  examples: [{ text: '"We are not happy about all of them but we could not spend more," she said.', exact: "them but", replacement: "them, but" }],
  run(ctx) {
    const findings: Finding[] = [];
    const tokens = ctx.proseTokens;
    for (let i = 1; i < tokens.length - 1; i++) {
      const [before, conjunction, subject] = [tokens[i - 1], tokens[i], tokens[i + 1]];
      if (!CONJUNCTIONS.has(conjunction.text) || !SUBJECTS.has(stem(subject.text))) continue;
      if (!startsLowercase(before.text) || EXCEPT.has(before.text)) continue;
      if (!oneSpaceApart(ctx.text, before, conjunction) || !oneSpaceApart(ctx.text, conjunction, subject)) continue;
      const message = `Two clauses joined by "${conjunction.text}": put a comma before it.`;
      findings.push(finding(ctx, conjunctionComma, before.start, conjunction.end, `${before.text}, ${conjunction.text}`, message, 0.6));
    }
    return findings;
  },
};
