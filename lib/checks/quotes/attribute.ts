import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "../context";
import { isAbbreviationDot, sentencesOf } from "../text/sentences";
import { isCapitalised, type Token } from "../text/tokens";
import type { QuoteSpan } from "./find-quotes";
import { PASSIVE_BEFORE, SPEECH_PARTICIPLES, SPEECH_VERBS, SUBJECT_PRONOUNS } from "./speech-verbs";

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
      fromAfter(ctx, quote, sentence) ??
      fromVerbBefore(ctx, quote, sentence) ??
      fromColon(ctx, quote) ??
      (previous && previous.quote.block === quote.block && previous.speaker
        ? { speaker: previous.speaker, evidence: "continues the quotation before it" }
        : null) ??
      fromFirstPerson(ctx, quote, sentence) ?? { speaker: null, evidence: "no speaker found in the sentence" };
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
  return isCapitalised(t.text) ? ctx.names.fullName(t.text) : null;
}

/** Who a phrase such as "Brandt", "she", "board chair Elena Ruiz" or "a spokesperson for the mayor" names. */
function speakerOf(ctx: CheckContext, phrase: Token[]): string | null {
  for (let i = phrase.length - 1; i >= 0; i--) {
    if (objectOfPreposition(ctx, phrase, i)) break;
    const p = person(ctx, phrase[i]);
    if (p) return p;
  }
  if (phrase.length === 0 || phrase.length > 6) return null;
  return ctx.text.slice(phrase[0].start, phrase[phrase.length - 1].end);
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

/** `"…," Brandt said.` · `"…," said board chair Elena Ruiz.` · headline `"…": city engineers promise` */
function fromAfter(ctx: CheckContext, quote: QuoteSpan, [, end]: [number, number]): Found | null {
  const after = ctx.text.slice(quote.end, end);
  const inner = ctx.text.slice(quote.innerStart, quote.innerEnd);
  if (!/[,?!]\s*$/.test(inner) && !/^\s*[,:—–]/.test(after)) return null;
  let clauseEnd = 0;
  while (clauseEnd < after.length && !/[;!?"“]/.test(after[clauseEnd]) && !(after[clauseEnd] === "." && !isAbbreviationDot(ctx.text, quote.end + clauseEnd))) clauseEnd++;
  const clause = after.slice(0, clauseEnd);
  const tokens = tokensIn(ctx, quote.end, quote.end + clause.length).slice(0, 9);
  const v = tokens.findIndex((t, i) => i < 5 && SPEECH_VERBS.has(t.text));
  if (v < 0 || v > 4 || tokens.slice(0, v).some((t) => t.text === "and" || t.text === "but")) return null;
  let phrase = tokens.slice(0, v);
  if (phrase.length === 0) {
    const rest = ctx.text.slice(tokens[v].end, quote.end + clause.length);
    const upTo = tokens[v].end + (/[,;:]/.exec(rest)?.index ?? rest.length);
    phrase = tokens.slice(v + 1).filter((t) => t.end <= upTo).slice(0, 6);
  }
  const speaker = speakerOf(ctx, phrase);
  if (!speaker) return null;
  const last = phrase.length && phrase[phrase.length - 1].end > tokens[v].end ? phrase[phrase.length - 1] : tokens[v];
  return { speaker, evidence: ctx.text.slice(quote.end, last.end).replace(/^[\s,:—–]+/, "") };
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
    for (const t of tokens.slice(0, v)) {
      const p = person(ctx, t);
      if (p) return { speaker: p, evidence: evidenceFrom(t) };
    }
    return null;
  }
  for (let i = v - 1; i >= 0; i--) {
    const p = objectOfPreposition(ctx, tokens, i) ? null : person(ctx, tokens[i]);
    if (p) return { speaker: p, evidence: evidenceFrom(tokens[i]) };
  }
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
  for (const t of tokensIn(ctx, start, quote.start)) {
    const p = person(ctx, t);
    if (p) return { speaker: p, evidence: ctx.text.slice(t.start, t.end) };
  }
  return null;
}
