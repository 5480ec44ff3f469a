import { wordFrequency, type WordFrequency } from "./frequency";
import { soundKey } from "./sounds";

/** Words longer than this get no suggestions: the longest English dictionary words are about 45 letters. */
export const MAX_SUGGEST_LENGTH = 45;

/** Dictionary words are grouped by their first PREFIX letters; deletions are indexed per group, not per word. */
const PREFIX = 7;
const CACHE_LIMIT = 20_000;

/**
 * How much one edit costs, in "edits": people and OCR make some slips far more often than others, so a
 * word reached by a cheap slip outranks one reached by a dear one at the same distance. Generic
 * knowledge of typing and scanning, not learnt from any one corpus.
 */
const COST = {
  /** "recieve" → "receive" */
  transpose: 0.6,
  /** "occured" → "occurred", "untill" → "until": a doubled letter written once, or a letter doubled */
  doubling: 0.5,
  /** "seperate" → "separate": vowels stand for each other in unstressed syllables */
  vowel: 0.7,
  /** a neighbouring key, or a letter OCR reads for another (long s as f, b as h, c as e …) */
  nearLetter: 0.75,
  other: 1,
} as const;

const VOWELS = "aeiouy";
const KEYBOARD = ["qwertyuiop", "asdfghjkl'", "zxcvbnm"];
/** substitution costs between char codes below 128, flattened; other characters cost a full edit */
const SUBSTITUTION = new Float64Array(128 * 128).fill(COST.other);
const setPair = (a: string, b: string, cost: number) => {
  const [x, y] = [a.charCodeAt(0), b.charCodeAt(0)];
  SUBSTITUTION[x * 128 + y] = Math.min(SUBSTITUTION[x * 128 + y], cost);
  SUBSTITUTION[y * 128 + x] = Math.min(SUBSTITUTION[y * 128 + x], cost);
};
for (let r = 0; r < KEYBOARD.length; r++) {
  for (let c = 0; c < KEYBOARD[r].length; c++) {
    const around = [KEYBOARD[r][c - 1], KEYBOARD[r][c + 1], KEYBOARD[r - 1]?.[c], KEYBOARD[r - 1]?.[c + 1], KEYBOARD[r + 1]?.[c], KEYBOARD[r + 1]?.[c - 1]];
    for (const b of around) if (b) setPair(KEYBOARD[r][c], b, COST.nearLetter);
  }
}
// classic OCR confusions of letter shapes (long s read as f, h as b, e as c, l as i, n as u, v as y)
for (const pair of ["fs", "bh", "ce", "li", "nu", "vy", "co", "ao", "ij", "uv", "rn", "hk", "gq"]) setPair(pair[0], pair[1], COST.nearLetter);
for (const a of VOWELS) for (const b of VOWELS) setPair(a, b, COST.vowel);
for (let x = 0; x < 128; x++) SUBSTITUTION[x * 128 + x] = 0;

// rows reused across calls: a lookup scores a few hundred words
let rows = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
let indelA = new Float64Array(64);
let indelB = new Float64Array(64);

/** Cost of inserting or dropping each letter of `s`: cheap next to the same letter (a doubling). */
function indelCosts(s: string, into: Float64Array): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    into[i] = (i > 0 && s.charCodeAt(i - 1) === c) || (i + 1 < s.length && s.charCodeAt(i + 1) === c) ? COST.doubling : COST.other;
  }
}

/**
 * Weighted optimal-string-alignment distance (Damerau with adjacent swaps), or Infinity once it must
 * exceed `bound`. Inserting or dropping a letter next to the same letter (a doubling) is cheap.
 */
export function editCost(a: string, b: string, bound: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) * COST.doubling > bound) return Infinity;
  if (m + 1 > rows[0].length || n > indelA.length) {
    const size = 2 * Math.max(m + 1, n);
    rows = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    indelA = new Float64Array(size);
    indelB = new Float64Array(size);
  }
  indelCosts(a, indelA);
  indelCosts(b, indelB);
  let [prev2, prev, row] = rows;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indelB[j - 1];
  let prevBest = 0;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    row[0] = prev[0] + indelA[i - 1];
    let best = row[0];
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : ca < 128 && cb < 128 ? SUBSTITUTION[ca * 128 + cb] : COST.other);
      const drop = prev[j] + indelA[i - 1];
      if (drop < v) v = drop;
      const insert = row[j - 1] + indelB[j - 1];
      if (insert < v) v = insert;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb && ca !== caBefore) {
        const swap = prev2[j - 2] + COST.transpose;
        if (swap < v) v = swap;
      }
      row[j] = v;
      if (v < best) best = v;
    }
    // a swap reaches back two rows: give up only when neither row can still come in under the bound
    if (best > bound && prevBest + COST.transpose > bound) return Infinity;
    prevBest = best;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return prev[m] <= bound ? prev[m] : Infinity;
}

/**
 * A symmetric-delete index (SymSpell): a dictionary word within two edits of a typo shares with it a
 * string made by deleting at most two letters from each. Deletions are taken from the first PREFIX
 * letters only and indexed per prefix group (67k groups for 121k US word forms, ~1.5M entries in flat
 * typed arrays, built on the first suggestion of a process: a few hundred ms on an idle machine), so a lookup generates at most 29 deletions of the typo's
 * prefix, reads the groups they hit, and scores those groups' words with `editCost`.
 */
interface SuggestIndex {
  /** lower-cased suggestible words, and the form to offer ("Colombia", "the") */
  lower: string[];
  display: string[];
  prior: Float64Array;
  /** words of group g: members[groupStart[g] .. groupStart[g + 1]) */
  groupStart: Int32Array;
  members: Int32Array;
  /** hash chains: heads[hash & mask] → entry; entryKey/entryGroup/entryNext per entry */
  heads: Int32Array;
  entryKey: Int32Array;
  entryGroup: Int32Array;
  entryNext: Int32Array;
  /** per group: the query that last reached it, so each group is scored once per query */
  seen: Int32Array;
  /** words by sound key, each list likeliest first */
  bySound: Map<string, number[]>;
  queries: number;
  cache: Map<string, string[]>;
}

const indexes = new WeakMap<ReadonlySet<string>, SuggestIndex>();

const hashStep = (h: number, code: number) => Math.imul(h ^ code, 16777619);
const HASH_SEED = 2166136261 | 0;

/** Hashes of `p` with 0, 1 or 2 letters deleted; duplicates removed when `dedupe`. */
function deletionHashes(p: string, out: number[], dedupe: boolean): number[] {
  out.length = 0;
  const n = p.length;
  const hashSkipping = (i: number, j: number) => {
    let h = HASH_SEED;
    for (let k = 0; k < n; k++) if (k !== i && k !== j) h = hashStep(h, p.charCodeAt(k));
    return h;
  };
  // a repeated letter gives the same deletion twice: harmless (groups are read once per query), so only
  // the query's few dozen are de-duplicated, not the index's 1.5 million
  const push = dedupe ? (h: number) => {
    if (!out.includes(h)) out.push(h);
  } : (h: number) => out.push(h);
  push(hashSkipping(-1, -1));
  for (let i = 0; i < n; i++) {
    push(hashSkipping(i, -1));
    for (let j = i + 1; j < n; j++) push(hashSkipping(i, j));
  }
  return out;
}

function buildIndex(words: ReadonlySet<string>, noSuggest: ReadonlySet<string>, frequency: WordFrequency): SuggestIndex {
  const byLower = new Map<string, number>();
  const lower: string[] = [];
  const display: string[] = [];
  for (const w of words) {
    if (noSuggest.has(w) || w.length > MAX_SUGGEST_LENGTH) continue;
    const l = w.toLowerCase();
    const at = byLower.get(l);
    if (at === undefined) {
      byLower.set(l, lower.length);
      lower.push(l);
      display.push(w);
    } else if (w === l) display[at] = w; // "the" over "The": offer the plain form, case is kept from the typo
  }
  const prior = new Float64Array(lower.length);
  for (let i = 0; i < lower.length; i++) prior[i] = frequency.logProb(lower[i]);

  const groupOf = new Map<string, number>();
  const wordGroup = new Int32Array(lower.length);
  const prefixes: string[] = [];
  for (let i = 0; i < lower.length; i++) {
    const p = lower[i].slice(0, PREFIX);
    let g = groupOf.get(p);
    if (g === undefined) {
      groupOf.set(p, (g = prefixes.length));
      prefixes.push(p);
    }
    wordGroup[i] = g;
  }
  const groupStart = new Int32Array(prefixes.length + 1);
  for (let i = 0; i < lower.length; i++) groupStart[wordGroup[i] + 1]++;
  for (let g = 0; g < prefixes.length; g++) groupStart[g + 1] += groupStart[g];
  const fill = groupStart.slice(0, prefixes.length);
  const members = new Int32Array(lower.length);
  for (let i = 0; i < lower.length; i++) members[fill[wordGroup[i]]++] = i;

  // at most 1 + 7 + 21 deletions per group; grown if a dictionary has longer prefixes than expected
  let capacity = prefixes.length * 30;
  let entryKey = new Int32Array(capacity);
  let entryGroup = new Int32Array(capacity);
  let entryNext = new Int32Array(capacity);
  const bits = Math.max(16, Math.ceil(Math.log2(capacity)));
  const heads = new Int32Array(1 << bits).fill(-1);
  const mask = (1 << bits) - 1;
  let entries = 0;
  const hashes: number[] = [];
  for (let g = 0; g < prefixes.length; g++) {
    for (const h of deletionHashes(prefixes[g], hashes, false)) {
      if (entries === capacity) {
        capacity *= 2;
        const grow = (a: Int32Array) => {
          const b = new Int32Array(capacity);
          b.set(a);
          return b;
        };
        [entryKey, entryGroup, entryNext] = [grow(entryKey), grow(entryGroup), grow(entryNext)];
      }
      entryKey[entries] = h;
      entryGroup[entries] = g;
      entryNext[entries] = heads[h & mask];
      heads[h & mask] = entries++;
    }
  }
  const bySound = new Map<string, number[]>();
  for (let i = 0; i < lower.length; i++) {
    const k = soundKey(lower[i]);
    const list = bySound.get(k);
    if (list) list.push(i);
    else bySound.set(k, [i]);
  }
  // likeliest first, so a lookup stops reading a group or a sound once no word left in it can rank
  const byPrior = (a: number, b: number) => prior[b] - prior[a];
  for (let g = 0; g < prefixes.length; g++) members.subarray(groupStart[g], groupStart[g + 1]).sort(byPrior);
  for (const list of bySound.values()) if (list.length > 1) list.sort(byPrior);
  return {
    lower, display, prior, groupStart, members, heads, entryKey, entryGroup, entryNext, seen: new Int32Array(prefixes.length),
    bySound, queries: 0, cache: new Map(),
  };
}

/**
 * How much a candidate's frequency counts against the edits that reach it: one full edit is worth a
 * factor e^SLIP_WEIGHT in how common the word is, so "few" (common, one slip from "faw") beats "faw"'s
 * rare neighbours, and a common word two slips away can beat a rare one at one.
 */
const SLIP_WEIGHT = 7;
/** People rarely get a word's first letter wrong: a candidate that changes it pays half an edit more. */
const FIRST_LETTER = 0.5;

/**
 * A word that sounds the same as the typo costs one edit, one a sound apart one and a half, plus
 * SOUND_EDIT for each letter edit between them (up to SOUND_BOUND): "exsaptible" → "acceptable".
 */
const SOUND_SAME = 1.0;
const SOUND_NEAR = 1.5;
const SOUND_EDIT = 0.4;
const SOUND_BOUND = 5;
/** A lower-case typo meant as a name ("lester" for "lesser") is rarer than a lower-case word: half an edit more. */
const NAME = 0.5;
const SOUND_CODES = "0FHJKLMNPRSTWXY";

/** Sound keys one sound from `key`: a sound dropped, added or changed (the first vowel mark stays). */
function soundsNear(key: string): Set<string> {
  const near = new Set<string>();
  const from = key[0] === "A" ? 1 : 0;
  for (let i = from; i <= key.length; i++) {
    if (i < key.length) near.add(key.slice(0, i) + key.slice(i + 1));
    for (const c of SOUND_CODES) {
      near.add(key.slice(0, i) + c + key.slice(i));
      if (i < key.length && c !== key[i]) near.add(key.slice(0, i) + c + key.slice(i + 1));
    }
  }
  near.delete(key);
  return near;
}

function lookUp(index: SuggestIndex, word: string, max: number, bound: number, lowerCaseQuery: boolean): string[] {
  const q = ++index.queries;
  const best: Array<{ i: number; score: number }> = [];
  const mask = index.heads.length - 1;
  const apostrophe = word.includes("'");
  /** the edit cost word i may have and still enter the best `max`: most words are skipped without computing it */
  const allowance = (i: number): number => {
    const candidate = index.lower[i];
    // "pot's" for "potaos": a possessive is never what a word without an apostrophe meant
    if (!apostrophe && candidate.endsWith("'s")) return -1;
    let penalty = candidate[0] !== word[0] ? FIRST_LETTER : 0;
    // a lower-case word is rarely meant as a name ("lester" is "lesser", not "Lester")
    if (lowerCaseQuery && index.display[i] !== candidate) penalty += NAME;
    return best.length < max ? Infinity : (index.prior[i] - best[max - 1].score) / SLIP_WEIGHT - penalty;
  };
  const consider = (i: number, cost: number) => {
    const candidate = index.lower[i];
    if (candidate[0] !== word[0]) cost += FIRST_LETTER;
    if (lowerCaseQuery && index.display[i] !== candidate) cost += NAME;
    const score = index.prior[i] - SLIP_WEIGHT * cost;
    if (best.length === max && score <= best[max - 1].score) return;
    const at = best.findIndex((b) => b.i === i);
    if (at >= 0) {
      if (best[at].score >= score) return;
      best.splice(at, 1);
    }
    best.push({ i, score });
    best.sort((a, b) => b.score - a.score);
    if (best.length > max) best.pop();
  };
  for (const h of deletionHashes(word.slice(0, PREFIX), [], true)) {
    for (let e = index.heads[h & mask]; e >= 0; e = index.entryNext[e]) {
      if (index.entryKey[e] !== h) continue;
      const g = index.entryGroup[e];
      if (index.seen[g] === q) continue;
      index.seen[g] = q;
      for (let k = index.groupStart[g]; k < index.groupStart[g + 1]; k++) {
        const i = index.members[k];
        if (best.length === max && index.prior[i] <= best[max - 1].score) break;
        if (Math.abs(index.lower[i].length - word.length) > 2) continue;
        const limit = Math.min(bound, allowance(i));
        if (limit <= 0) continue;
        const cost = editCost(word, index.lower[i], limit);
        if (cost === Infinity || cost === 0) continue;
        consider(i, cost);
      }
    }
  }
  if (bound >= 2) {
    // spelt by ear: words that sound alike (same key, or one sound apart), however many letters differ
    const key = soundKey(word);
    if (key.length >= 2) {
      const sounds: Array<[string, number]> = [[key, SOUND_SAME], ...[...soundsNear(key)].map((k): [string, number] => [k, SOUND_NEAR])];
      for (const [k, base] of sounds) {
        for (const i of index.bySound.get(k) ?? []) {
          if (best.length === max && index.prior[i] - SLIP_WEIGHT * base <= best[max - 1].score) break;
          const limit = Math.min(SOUND_BOUND, (allowance(i) - base) / SOUND_EDIT);
          if (limit <= 0) continue;
          const e = editCost(word, index.lower[i], limit);
          if (e === Infinity || e === 0) continue;
          consider(i, base + SOUND_EDIT * e);
        }
      }
    }
  }
  return best.map((b) => index.display[b.i]);
}

function keepCase(original: string, suggestion: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return suggestion.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}

export interface SuggestOptions {
  /** words never offered (Hunspell NOSUGGEST) */
  noSuggest?: ReadonlySet<string>;
  /** word counts that rank the candidates; the SUBTLEX list by default */
  frequency?: WordFrequency;
}

/**
 * Up to `max` words of `words` within `distance` weighted edits of `word`, likeliest first: the word's
 * frequency discounted by the slips that reach it. The case of `word` is kept ("Teh" → "The").
 */
export function suggestFrom(word: string, words: ReadonlySet<string>, max: number, distance: 1 | 2, options: SuggestOptions = {}): string[] {
  if (word.length > MAX_SUGGEST_LENGTH || !word) return [];
  const lower = word.toLowerCase().replace(/’/g, "'");
  let index = indexes.get(words);
  if (!index) indexes.set(words, (index = buildIndex(words, options.noSuggest ?? new Set(), options.frequency ?? wordFrequency())));
  const key = `${distance}:${max}:${word === lower ? "" : "A"}${lower}`;
  let found = index.cache.get(key);
  if (!found) {
    found = lookUp(index, lower, max, distance, word === lower);
    if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
    index.cache.set(key, found);
  }
  return found.map((s) => keepCase(word, s));
}
