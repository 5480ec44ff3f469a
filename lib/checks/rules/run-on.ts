import { finding } from "../finding";
import { isFunctionWord } from "../text/split-words";
import { oneSpaceApart, startsLowercase, stem } from "../text/tokens";
import type { Finding, Rule } from "../types";

/** Capitalised words that, right after a lower-case word and a space, can only start a new sentence. */
const SENTENCE_STARTS = new Set(["He", "She", "We", "They", "It", "No", "Yes", "But", "So", "And", "Then", "Yeah", "Now"]);
/** After these the first sentence broke off mid-thought ("including sanctions and No, …"). */
const BROKEN_OFF = new Set(["and", "or", "but", "the", "a", "of", "to", "with", "including", "because", "that"]);

/** Object pronouns: after one, a new subject starts a new clause ("I never called her I was busy"). */
const OBJECTS = new Set(["him", "her", "them", "me", "us"]);
const SUBJECTS = new Set(["I", "he", "she", "we", "they"]);
/**
 * Verbs that take an object and then a clause of their own without "that" ("I told him I was leaving",
 * "she promised them they would"): after these the pronouns run on correctly.
 */
const CLAUSE_AFTER_OBJECT = new Set(
  ("tell tells told telling ask asks asked asking show shows showed shown showing promise promises promised promising " +
    "assure assures assured assuring warn warns warned warning remind reminds reminded reminding convince convinces convinced " +
    "convincing persuade persuades persuaded persuading inform informs informed informing teach teaches taught teaching " +
    "bet bets betting guarantee guarantees guaranteed guaranteeing notify notified advise advised advising reassure reassured")
    .split(" "),
);
/** What a new clause's verb looks like right after its subject: an auxiliary or a verb in the past. */
const CLAUSE_VERB = /^(?:do|does|did|don['’]t|doesn['’]t|didn['’]t|was|wasn['’]t|were|weren['’]t|am|is|are|had|have|has|hadn['’]t|haven['’]t|will|won['’]t|would|wouldn['’]t|can|can['’]t|could|couldn['’]t|never|always|just|\p{Ll}+ed)$/u;

/**
 * "… never called her I was busy" and "they did they talked": a clause that ends in an object pronoun or in
 * "did", followed with no punctuation by a new subject and its verb. Both are read in one sentence's
 * tokens and need all four words in place, so a sentence with a comma or a "that" between is left alone.
 */
function pronounRunOns(ctx: Parameters<Rule["run"]>[0]): Finding[] {
  const findings: Finding[] = [];
  const { text } = ctx;
  const tokens = ctx.proseTokens;
  for (let i = 2; i + 1 < tokens.length; i++) {
    const [verb, object, subject, next] = [tokens[i - 2], tokens[i - 1], tokens[i], tokens[i + 1]];
    if (!SUBJECTS.has(subject.text) || !CLAUSE_VERB.test(next.text)) continue;
    if (!oneSpaceApart(text, verb, object) || !oneSpaceApart(text, object, subject) || !oneSpaceApart(text, subject, next)) continue;
    if (verb.block !== next.block || ctx.titleCaseBlocks.has(next.block)) continue;
    // after a verb's object; not a preposition's ("It seems to me they have …" is one sentence)
    const afterObject = OBJECTS.has(object.text) && /^\p{Ll}+$/u.test(verb.text) && !CLAUSE_AFTER_OBJECT.has(verb.text) && !isFunctionWord(verb.text);
    // "they did they talked": the same kind of subject before "did" ("Why did we" asks, and has no subject before)
    const afterDid = object.text === "did" && SUBJECTS.has(verb.text);
    if (!afterObject && !afterDid) continue;
    const opener = subject.text === "I" ? "I" : subject.text[0].toUpperCase() + subject.text.slice(1);
    findings.push(finding(ctx, runOn, object.start, subject.end, `${object.text}. ${opener}`, "Two sentences run together: end the first one.", 0.6));
  }
  return findings;
}

export const runOn: Rule = {
  id: "run-on",
  category: "punctuation",
  description:
    "Two sentences run together with no punctuation between them (often in transcribed quotes): a lower-case word followed by a capitalised pronoun or interjection, or a new subject and its verb right after an object pronoun (\"never called her I was busy\") or after \"did\" (\"they did they talked\").",
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
    return [...findings, ...pronounRunOns(ctx)].sort((a, b) => a.start - b.start);
  },
};
