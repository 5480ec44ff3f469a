import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "../context";
import { isAbbreviationDot, sentencesOf } from "../text/sentences";
import { isCapitalised, oneSpaceApart, type Token } from "../text/tokens";
import type { QuoteSpan } from "./find-quotes";
import { AFTER_QUOTE_VERBS, PASSIVE_BEFORE, SPEECH_PARTICIPLES, SPEECH_VERBS, SUBJECT_PRONOUNS } from "./speech-verbs";

export interface Attribution {
  quote: QuoteSpan;
  speaker: string | null;
  evidence: string;
  /** "by the parties": a source that names nobody, [start, end) from the verb to the source */
  vague?: { start: number; end: number; source: string };
}

type Found = Omit<Attribution, "quote">;
const PREPOSITIONS = new Set(["for", "of", "with", "to", "from", "about", "against", "at", "on", "by", "like"]);
/** Openers that are not the subject: "In later remarks", "However", "At the end of 2025". */
const ADVERBIAL = /^(?:in|at|on|during|after|before|for|with|despite|since|according|following|meanwhile|however|also|though|still|yet|then|later|earlier|moreover|instead|even|too)\b/i;
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
/**
 * How far before and after a quotation its speaker is looked for, in characters: news sentences run
 * to ~300 characters, and a window keeps a hostile "sentence" of thousands of quotes from being
 * rescanned for each of them. A speaker further away than this in one sentence is not found.
 */
export const SPEAKER_WINDOW = 600;
/** Headline quotes compared with every body quote; a real headline has one or two. */
export const MAX_HEADLINE_QUOTES = 20;
/** The most capitalised words read back as one name with its title ("American-Islamic Relations National Executive Director Nihad Awad"). */
const MAX_NAME_WORDS = 10;

/** Pairs every quotation (titles excluded) with its speaker. */
export function attributeQuotes(ctx: CheckContext): Attribution[] {
  const out: Attribution[] = [];
  const sentences = new Map<Block, Array<[number, number]>>();
  const byBlock = new Map<Block, QuoteSpan[]>();
  for (const q of ctx.quotes) {
    const list = byBlock.get(q.block);
    if (list) list.push(q);
    else byBlock.set(q.block, [q]);
  }
  const quotes = ctx.quotes.filter((q) => !q.title);
  // headline quotes last: they take the speaker of the body quote they paraphrase
  const order = [...quotes.filter((q) => q.block.kind !== "headline"), ...quotes.filter((q) => q.block.kind === "headline")];
  let bodyQuotes: BodyQuote[] | null = null;
  let headlineSearches = 0;
  const blockIndex = new Map(ctx.blocks.map((b, i) => [b, i]));
  for (const quote of order) {
    let ranges = sentences.get(quote.block);
    if (!ranges) sentences.set(quote.block, (ranges = sentencesOf(ctx.text, quote.block, byBlock.get(quote.block)!)));
    const sentence = windowAround(quote, sentenceAt(ranges, quote.start) ?? [quote.block.start, quote.block.end]);
    const previous = out[out.length - 1];
    const searchBody = quote.block.kind === "headline" && headlineSearches++ < MAX_HEADLINE_QUOTES;
    if (searchBody) bodyQuotes ??= quotes.filter((q) => q.block.kind === "paragraph").map((q) => ({ q, words: new Set(words(ctx.text.slice(q.innerStart, q.innerEnd))) }));
    const found =
      (searchBody ? fromClosestBodyQuote(ctx, quote, out, bodyQuotes!) : null) ??
      fromPassive(ctx, quote, sentence) ??
      fromAfter(ctx, quote) ??
      fromSentenceTail(ctx, quote, sentence) ??
      fromVerbBefore(ctx, quote, sentence) ??
      fromAccordingTo(ctx, quote, sentence) ??
      fromColon(ctx, quote) ??
      (previous && previous.quote.block === quote.block && previous.speaker
        ? { speaker: previous.speaker, evidence: "continues the quotation before it" }
        : null) ??
      fromFirstPerson(ctx, quote, sentence) ??
      fromParagraphBefore(ctx, quote, previous, blockIndex) ?? { speaker: null, evidence: "no speaker found in the sentence" };
    out.push({ quote, ...found });
  }
  return out.sort((a, b) => a.quote.start - b.quote.start);
}

/** The sentence holding `pos`, by binary search (the ranges are sorted and disjoint). */
function sentenceAt(ranges: Array<[number, number]>, pos: number): [number, number] | null {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < ranges[lo - 1][1] ? ranges[lo - 1] : null;
}

function windowAround(quote: QuoteSpan, [start, end]: [number, number]): [number, number] {
  return [Math.max(start, quote.start - SPEAKER_WINDOW), Math.min(end, quote.end + SPEAKER_WINDOW)];
}

/** The narrative's words in [start, end): quoted words are someone else's and name no speaker. */
function tokensIn(ctx: CheckContext, start: number, end: number): Token[] {
  return ctx.tokensBetween(start, end, ctx.narrativeTokens);
}

/** A name, a pronoun resolved to the last person named, or null. */
function person(ctx: CheckContext, t: Token): string | null {
  if (SUBJECT_PRONOUNS.has(t.text.toLowerCase())) return ctx.names.lastPersonBefore(t.start);
  return isCapitalised(t.text) ? ctx.names.person(t.text) : null;
}

/** Who a phrase such as "Brandt", "she", "board chair Elena Ruiz" or "a spokesperson for the mayor" names. */
function speakerOf(ctx: CheckContext, phrase: Token[]): string | null {
  for (let i = phrase.length - 1; i >= 0; i--) {
    if (objectOfPreposition(ctx, phrase, i)) break;
    const p = person(ctx, phrase[i]);
    if (p) return p;
  }
  // "As Politico reported", "when asked": the words that open a clause are not part of who spoke
  let from = 0;
  while (from < phrase.length && CLAUSE_OPENERS.has(phrase[from].text.toLowerCase())) from++;
  const words = phrase.slice(from);
  if (words.length === 0 || words.length > 6 || !nounPhrase(words)) return null;
  return ctx.text.slice(words[0].start, words[words.length - 1].end);
}

/** Words that open a clause: `"…," when asked` names nobody. */
const CLAUSE_OPENERS = new Set("when while as if because although though after before since until unless but and or so then what where how why not also even just".split(" "));

/** A phrase that ends in one of these is a clause's start ("trying to") or a passive ("Pence was asked"): someone was spoken to. */
const NOT_LAST = new Set(["to", "was", "were", "is", "are", "be", "been", "being", "has", "have", "had"]);

/** Whether words can be who spoke ("the governor", "it", "a spokeswoman for the city"), not a clause ("trying to"). */
function nounPhrase(words: Token[]): boolean {
  return !NOT_LAST.has(words[words.length - 1].text.toLowerCase()) && !(words.length === 1 && /ing$/.test(words[0].text));
}

interface BodyQuote {
  q: QuoteSpan;
  words: Set<string>;
}

/** Words two sets share, counted over the smaller: a huge headline quote costs no more per body quote than that quote's words. */
function shared(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n;
}

function fromClosestBodyQuote(ctx: CheckContext, quote: QuoteSpan, done: Attribution[], body: BodyQuote[]): Found | null {
  const mine = new Set(words(ctx.text.slice(quote.innerStart, quote.innerEnd)));
  let best: QuoteSpan | null = null;
  let score = 0;
  for (const { q, words: theirs } of body) {
    const share = shared(mine, theirs) / mine.size;
    if (share > score) [best, score] = [q, share];
  }
  if (!best || score < 0.6) return null;
  const speaker = done.find((a) => a.quote === best)?.speaker ?? null;
  const excerpt = ctx.text.slice(best.innerStart, best.innerEnd).slice(0, 80);
  return { speaker, evidence: `closest quote in the body: "${excerpt}"` };
}

function fromPassive(ctx: CheckContext, quote: QuoteSpan, [start, end]: [number, number]): Found | null {
  // "by" first: it is anchored and fails at once, while PASSIVE_BEFORE reads the whole window
  const by = /^,?\s+by\s+([^,.;:"“”]+)/u.exec(ctx.text.slice(quote.end, end));
  const verb = by && PASSIVE_BEFORE.exec(ctx.text.slice(start, quote.start));
  if (!verb || !by) return null;
  const source = by[1].split(/\s+(?:and|who|which|after|before|on|in|during|at|for)\s+/)[0].trim();
  const sourceEnd = quote.end + by[0].indexOf(by[1]) + source.length;
  const evidence = ctx.text.slice(start + verb.index, sourceEnd);
  const phrase = tokensIn(ctx, sourceEnd - source.length, sourceEnd);
  const named = phrase.map((t) => person(ctx, t)).find(Boolean);
  if (named) return { speaker: named, evidence };
  if (phrase.some((t) => isCapitalised(t.text))) return { speaker: source, evidence };
  return { speaker: null, evidence, vague: { start: start + verb.index, end: sourceEnd, source } };
}

/** Words read after a quotation for its verb and speaker: a name, its title and an appositive ("Michael Briggs, a spokesman for the campaign, said"). */
const AFTER_WORDS = 30;
/** The most words of a speaker before the verb or the appositive ("Log Cabin Republicans president Gregory T. Angelo"). */
const SUBJECT_WORDS = 7;
/** Words between an appositive's closing comma and the verb ("Blunt, after a long pause, said"). */
const BEFORE_VERB_WORDS = 3;
/** Words after the verb in an attribution that is a sentence of its own (`"…?" Lichtman said of McCain's effort.`). */
const TAIL_WORDS = 8;

/**
 * `"…," Brandt said.` · `"…," said board chair Elena Ruiz.` · `"…," Michael Briggs, a spokesman, said.` ·
 * `"…?" Lichtman said.` · `"…," according to the mayor.` · headline `"…": city engineers promise`.
 * A quotation that ends its sentence (".", "?", "!") is followed by a sentence of its own; that one
 * names the speaker only when it is short, names a person and reports nothing more ("Lichtman said.",
 * not "Critics said the plan would fail.").
 */
function fromAfter(ctx: CheckContext, quote: QuoteSpan): Found | null {
  // a quotation inside the quotation may close with it: `…say, 'Thank you for voting,'" Bennett explained`
  const inner = ctx.text.slice(quote.innerStart, quote.innerEnd).replace(/['’]+\s*$/u, "");
  const limit = Math.min(quote.block.end, quote.end + SPEAKER_WINDOW);
  const after = ctx.text.slice(quote.end, limit);
  const next = /\S/u.exec(after)?.[0] ?? "";
  const ended = /[.?!…]['’"”]?\s*$/u.test(inner);
  const continues = /[,—–-]\s*$/.test(inner) || /^\s*[,:—–]/.test(after) || (ended && /\p{Ll}/u.test(next));
  const ownSentence = !continues && ended && /\p{Lu}/u.test(next);
  if (!continues && !ownSentence) return null;
  let clauseEnd = 0;
  while (clauseEnd < after.length && !/[;!?"“”]/.test(after[clauseEnd]) && !fullStop(ctx.text, quote.end + clauseEnd)) clauseEnd++;
  return attributionClause(ctx, quote, quote.end, quote.end + clauseEnd, ownSentence);
}

/** A full stop that ends a sentence: not an abbreviation's or an initial's, nor one a comma follows ("Ron Johnson, R-Wis., said"). */
const fullStop = (text: string, at: number) => text[at] === "." && text[at + 1] !== "," && !isAbbreviationDot(text, at);

/**
 * `Brandt said` · `said board chair Elena Ruiz` · `according to the mayor` in text[from, clauseStop): who
 * the clause says spoke. `strict`: the clause is a sentence of its own after the quotation, so it must be
 * short, name a person and report nothing more.
 */
function attributionClause(ctx: CheckContext, quote: QuoteSpan, from: number, clauseStop: number, strict: boolean): Found | null {
  const all = tokensIn(ctx, from, clauseStop);
  const tokens = all.slice(0, AFTER_WORDS);
  const v = tokens.findIndex((t, i) => AFTER_QUOTE_VERBS.has(t.text) || (i === 0 && t.text.toLowerCase() === "according" && tokens[1]?.text === "to"));
  if (v < 0) return null;
  const verb = tokens[v];
  let phrase: Token[];
  if (v === 0) {
    const from = verb.text.toLowerCase() === "according" ? tokens[1].end : verb.end;
    const rest = ctx.text.slice(from, clauseStop);
    const upTo = from + (/[,;:]/.exec(rest)?.index ?? rest.length);
    phrase = tokens.filter((t) => t.start >= from && t.end <= upTo).slice(0, MAX_NAME_WORDS);
  } else {
    phrase = subjectBeforeVerb(ctx, tokens, v);
    if (phrase.length === 0) return null;
  }
  if (strict) {
    const tail = all.filter((t) => t.start > Math.max(verb.end, phrase[phrase.length - 1]?.end ?? 0));
    if (tail.length > TAIL_WORDS || tail.some((t) => t.text === "that") || !phrase.some((t) => person(ctx, t))) return null;
  }
  const speaker = speakerOf(ctx, phrase);
  if (!speaker) return null;
  const last = phrase.length && phrase[phrase.length - 1].end > verb.end ? phrase[phrase.length - 1] : verb;
  return { speaker, evidence: ctx.text.slice(from, last.end).replace(/^[\s,:—–]+/, "") };
}

/** The most words of a closing attribution clause (", Axelrod said on Sunday."). */
const TAIL_CLAUSE_WORDS = 12;

/** `… the "obligation to do something about" climate change, Axelrod said.`: the sentence closes with who said it. */
function fromSentenceTail(ctx: CheckContext, quote: QuoteSpan, [, end]: [number, number]): Found | null {
  const after = ctx.text.slice(quote.end, end);
  const comma = after.lastIndexOf(",");
  if (comma < 0 || /["“”]/.test(after.slice(comma))) return null;
  let stop = end;
  while (stop > quote.end + comma && /[\s.]/.test(ctx.text[stop - 1])) stop--;
  if (tokensIn(ctx, quote.end + comma + 1, stop).length > TAIL_CLAUSE_WORDS) return null;
  return attributionClause(ctx, quote, quote.end + comma + 1, stop, true);
}

/**
 * The speaker written between a quotation and its verb: `Brandt said`, `board chair Elena Ruiz said`, or
 * a name with an appositive between commas, `Michael Briggs, a spokesman for Sanders, said`. Empty when
 * the words before the verb are a clause of their own ("the report found, but Smith said").
 */
function subjectBeforeVerb(ctx: CheckContext, tokens: Token[], v: number): Token[] {
  const before = tokens.slice(0, v);
  const commaAfter = (i: number) => /,/.test(ctx.text.slice(tokens[i].end, tokens[i + 1].start));
  const firstComma = before.findIndex((_, i) => commaAfter(i));
  const conjunction = (ts: Token[]) => ts.some((t) => t.text === "and" || t.text === "but");
  if (firstComma < 0) return before.length <= SUBJECT_WORDS && !conjunction(before) ? before : [];
  const subject = before.slice(0, firstComma + 1);
  let lastComma = v - 1;
  while (lastComma >= 0 && !commaAfter(lastComma)) lastComma--;
  const nearVerb = before.slice(lastComma + 1);
  if (subject.length > SUBJECT_WORDS || nearVerb.length > BEFORE_VERB_WORDS || conjunction(subject) || conjunction(nearVerb)) return [];
  return subject;
}

/** `Petro described the meeting as "positive"` · `…, calling it a "kidnapping"` */
function fromVerbBefore(ctx: CheckContext, quote: QuoteSpan, [start]: [number, number]): Found | null {
  const tokens = tokensIn(ctx, start, quote.start);
  let v = tokens.length - 1;
  while (v >= 0 && !SPEECH_VERBS.has(tokens[v].text) && !SPEECH_PARTICIPLES.has(tokens[v].text)) v--;
  if (v < 0) return null;
  const verb = tokens[v];
  const evidenceFrom = (t: Token) => ctx.text.slice(t.start, verb.end);
  if (SPEECH_PARTICIPLES.has(verb.text)) {
    // "…, Nefzi said, adding, "…"": the participle shares the subject of the speech verb before it
    let u = v - 1;
    while (u >= 0 && !SPEECH_VERBS.has(tokens[u].text)) u--;
    const before = u >= 0 ? personBefore(ctx, tokens, u) : null;
    if (before) return { speaker: before.name, evidence: evidenceFrom(before.at) };
    for (let i = 0; i < v; i++) {
      const end = nameEnd(ctx, tokens, i);
      const p = person(ctx, tokens[end]) ?? person(ctx, tokens[i]);
      if (p) return { speaker: p, evidence: evidenceFrom(tokens[i]) };
      i = end;
    }
    return null;
  }
  const named = personBefore(ctx, tokens, v);
  if (named) return { speaker: named.name, evidence: evidenceFrom(named.at) };
  // no name: the subject is the last clause before the first speech verb ("Officials said", "Critics, however, called")
  const first = tokens.findIndex((t) => SPEECH_VERBS.has(t.text));
  let chosen: [number, number] = [start, start];
  let at = start;
  for (const part of ctx.text.slice(start, tokens[first].start).split(/[,;:—–]/)) {
    if (part.trim() && !ADVERBIAL.test(part.trim())) chosen = [at, at + part.length];
    at += part.length + 1;
  }
  const subject = tokens.slice(0, first).filter((t) => t.start >= chosen[0] && t.end <= chosen[1]);
  const speaker = subject.length <= 6 ? speakerOf(ctx, subject) : null;
  return speaker ? { speaker, evidence: evidenceFrom(subject[0]) } : null;
}

/** The person named nearest before tokens[v], not as the object of a preposition. */
function personBefore(ctx: CheckContext, tokens: Token[], v: number): { name: string; at: Token } | null {
  for (let i = v - 1; i >= 0; i--) {
    const p = objectOfPreposition(ctx, tokens, i) ? null : person(ctx, tokens[i]);
    if (p) return { name: p, at: tokens[i] };
  }
  return null;
}

/**
 * The last word of the name that starts at tokens[i]: "Clinton Communications Director Jennifer
 * Palmieri" is Palmieri, not Clinton. Read left to right, a name's first word is often someone else's.
 */
function nameEnd(ctx: CheckContext, tokens: Token[], i: number): number {
  let j = i;
  const joined = (a: Token, b: Token) => oneSpaceApart(ctx.text, a, b) || (b.start === a.end + 1 && ctx.text[a.end] === "-");
  while (j + 1 < tokens.length && j - i < MAX_NAME_WORDS && isCapitalised(tokens[j + 1].text) && joined(tokens[j], tokens[j + 1]) && !/['’]s?$/u.test(tokens[j].text)) j++;
  return j;
}

/** `According to Woodward, "…"`: only when no speech verb in the sentence named someone (fromVerbBefore runs first). */
function fromAccordingTo(ctx: CheckContext, quote: QuoteSpan, [start]: [number, number]): Found | null {
  // one native search of the window first: most sentences have no "according to", and tokens cost more
  if (!ctx.text.slice(start, quote.start).includes("ccording to")) return null;
  const tokens = tokensIn(ctx, start, quote.start);
  let a = tokens.length - 2;
  while (a >= 0 && !(tokens[a].text.toLowerCase() === "according" && tokens[a + 1].text === "to")) a--;
  if (a < 0) return null;
  const from = tokens[a + 1].end;
  const rest = ctx.text.slice(from, quote.start);
  const upTo = from + (/[,;:]/.exec(rest)?.index ?? rest.length);
  const phrase = tokens.filter((t) => t.start >= from && t.end <= upTo).slice(0, MAX_NAME_WORDS);
  const speaker = speakerOf(ctx, phrase);
  return speaker ? { speaker, evidence: ctx.text.slice(tokens[a].start, phrase[phrase.length - 1].end) } : null;
}

/** The most characters before a quotation that still opens its paragraph (a bracket, a second mark). */
const MAX_OPENERS = 3;

/**
 * A paragraph that opens with a quotation nobody is named for in it: the speaker of the paragraph
 * before goes on speaking (news sets each further paragraph of one speaker's quote apart), or the
 * person whose words the paragraph before announced with a colon ("Cruz called them on it:").
 */
function fromParagraphBefore(ctx: CheckContext, quote: QuoteSpan, previous: Attribution | undefined, blockIndex: Map<Block, number>): Found | null {
  const lead = quote.start - quote.block.start;
  if (quote.block.kind !== "paragraph" || lead > MAX_OPENERS || /[^\s"“‘'(]/u.test(ctx.text.slice(quote.block.start, quote.start))) return null;
  const before = ctx.blocks[(blockIndex.get(quote.block) ?? 0) - 1];
  if (!before || before.kind !== "paragraph") return null;
  if (previous?.speaker && previous.quote.block === before) return { speaker: previous.speaker, evidence: "continues the quotation of the paragraph before" };
  if (!/:\s*$/.test(ctx.text.slice(Math.max(before.start, before.end - 8), before.end))) return null;
  const from = Math.max(before.start, before.end - SPEAKER_WINDOW);
  const tokens = tokensIn(ctx, from, before.end);
  for (let i = 0; i < tokens.length; i++) {
    const end = nameEnd(ctx, tokens, i);
    const p = person(ctx, tokens[end]);
    if (p && !objectOfPreposition(ctx, tokens, end)) return { speaker: p, evidence: ctx.text.slice(tokens[i].start, tokens[end].end) };
    i = end;
  }
  return null;
}

/** "a spokesperson for Mayor Tishaura Jones wrote": the name after a preposition is not who spoke. */
function objectOfPreposition(ctx: CheckContext, tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && j > i - MAX_NAME_WORDS && isCapitalised(tokens[j].text) && !/,/.test(ctx.text.slice(tokens[j].end, tokens[j + 1].start))) j--;
  return j >= 0 && PREPOSITIONS.has(tokens[j].text) && !/,/.test(ctx.text.slice(tokens[j].end, tokens[j + 1].start));
}

/** How far back a "Name:" before a quote is read; no name is this long. */
const COLON_REACH = 80;

/** `Trump: "…"` — only when the name is directly before the colon. */
function fromColon(ctx: CheckContext, quote: QuoteSpan): Found | null {
  const m = /([\p{Lu}][\p{L}'’-]+):\s*$/u.exec(ctx.text.slice(Math.max(quote.block.start, quote.start - COLON_REACH), quote.start));
  if (!m) return null;
  const nameEnd = quote.start - (m[0].length - m[1].length);
  const t = ctx.tokensBetween(nameEnd - m[1].length, nameEnd)[0];
  const speaker = t ? person(ctx, t) : null;
  return speaker ? { speaker, evidence: m[0].trim() } : null;
}

/** `Trump's symbolic gesture … with the dedication "…"`: the sentence is about its first person. */
function fromFirstPerson(ctx: CheckContext, quote: QuoteSpan, [start]: [number, number]): Found | null {
  const tokens = tokensIn(ctx, start, quote.start);
  for (let i = 0; i < tokens.length; i++) {
    const end = nameEnd(ctx, tokens, i);
    const p = person(ctx, tokens[end]) ?? person(ctx, tokens[i]);
    if (p) return { speaker: p, evidence: ctx.text.slice(tokens[i].start, tokens[end].end) };
    i = end;
  }
  return null;
}
