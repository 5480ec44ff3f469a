import { readFileSync } from "node:fs";
import { writeCacheFile } from "./cache-file";
import { wordFrequency, type WordFrequency } from "./frequency";
import { soundKey } from "./sounds";
import { WordTable } from "./word-table";

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
  /**
   * "enviroment" → "environment", "brin" → "brain": a letter left out is the commonest slip of hand and
   * pen (and a faint letter the commonest scanner loss), and a vowel, often unsounded, more so than a
   * consonant; a letter written in extra is rarer and costs a full edit
   */
  omitted: 0.6,
  omittedVowel: 0.4,
  other: 1,
} as const;
/** the cheapest letter inserted or dropped: bounds the distance between words of different lengths */
const CHEAPEST_INDEL = Math.min(COST.doubling, COST.omitted, COST.omittedVowel);

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

/**
 * Cost of each letter of `s` being absent from the other word: cheap next to the same letter (a
 * doubling); for the candidate's letters (`omitted`: the typo left them out) cheaper than for the typo's
 * own (written in extra).
 */
function indelCosts(s: string, into: Float64Array, omitted: boolean): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const base = !omitted ? COST.other : VOWELS.includes(s[i]) ? COST.omittedVowel : COST.omitted;
    into[i] = (i > 0 && s.charCodeAt(i - 1) === c) || (i + 1 < s.length && s.charCodeAt(i + 1) === c) ? Math.min(COST.doubling, base) : base;
  }
}

/**
 * Weighted optimal-string-alignment distance (Damerau with adjacent swaps) from typo `a` to word `b`, or
 * Infinity once it must exceed `bound`. Not symmetric: a letter of `b` that `a` left out costs less than
 * a letter `a` has in extra; either is cheap next to the same letter (a doubling).
 */
export function editCost(a: string, b: string, bound: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) * CHEAPEST_INDEL > bound) return Infinity;
  if (m + 1 > rows[0].length || n > indelA.length) {
    const size = 2 * Math.max(m + 1, n);
    rows = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    indelA = new Float64Array(size);
    indelB = new Float64Array(size);
  }
  indelCosts(a, indelA, false);
  indelCosts(b, indelB, true);
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
 * typed arrays), so a lookup generates at most 29 deletions of the typo's prefix, reads the groups they
 * hit, and scores those groups' words with `editCost`. Built on the first suggestion of a process (a
 * few hundred ms on an idle machine), or read from a cache file a previous process wrote: every part
 * is a typed array or a `WordTable`, so reading it builds nothing (decision 028).
 */
interface SuggestIndex {
  /** the lower-cased suggestible words (word i is words.wordAt(i)), each with its prior, ln P(word) */
  words: WordTable;
  /** the form to offer for word i ("Colombia", "the"), and whether it is a name (not all lower case) */
  display: WordTable;
  named: Uint8Array;
  /** words of group g: members[groupStart[g] .. groupStart[g + 1]), likeliest first */
  groupStart: Int32Array;
  members: Int32Array;
  /** deletion hashes by bucket (hash & mask): entries bucketStart[b] .. bucketStart[b + 1], each a hash and its group */
  bucketStart: Int32Array;
  entryKey: Int32Array;
  entryGroup: Int32Array;
  /** words by sound key: sound k (sounds.indexOf(key)) has soundMembers[soundStart[k] .. soundStart[k + 1]), likeliest first */
  sounds: WordTable;
  soundStart: Int32Array;
  soundMembers: Int32Array;
  /** per group: the query that last reached it, so each group is scored once per query */
  seen: Int32Array;
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

function buildIndex(all: ReadonlySet<string>, noSuggest: ReadonlySet<string>, frequency: WordFrequency): SuggestIndex {
  const byLower = new Map<string, number>();
  const lower: string[] = [];
  const shown: string[] = [];
  for (const w of all) {
    if (noSuggest.has(w) || w.length > MAX_SUGGEST_LENGTH) continue;
    const l = w.toLowerCase();
    const at = byLower.get(l);
    if (at === undefined) {
      byLower.set(l, lower.length);
      lower.push(l);
      shown.push(w);
    } else if (w === l) shown[at] = w; // "the" over "The": offer the plain form, case is kept from the typo
  }
  const words = WordTable.from(lower, (l) => frequency.logProb(l));
  const prior = words.numbers;
  const named = Uint8Array.from(lower, (l, i) => (shown[i] !== l ? 1 : 0));

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

  // each group's deletions (at most 1 + 7 + 21), laid out by bucket: counted, then placed
  const hashes: number[] = [];
  const groupHashes: Int32Array[] = prefixes.map((p) => Int32Array.from(deletionHashes(p, hashes, false)));
  const entries = groupHashes.reduce((n, h) => n + h.length, 0);
  const mask = (1 << Math.max(10, Math.ceil(Math.log2(Math.max(entries, 1))) - 1)) - 1;
  const bucketStart = new Int32Array(mask + 2);
  for (const hs of groupHashes) for (const h of hs) bucketStart[(h & mask) + 1]++;
  for (let b = 0; b <= mask; b++) bucketStart[b + 1] += bucketStart[b];
  const place = bucketStart.slice(0, mask + 1);
  const entryKey = new Int32Array(entries);
  const entryGroup = new Int32Array(entries);
  groupHashes.forEach((hs, g) => {
    for (const h of hs) {
      const e = place[h & mask]++;
      entryKey[e] = h;
      entryGroup[e] = g;
    }
  });

  const soundLists = new Map<string, number[]>();
  for (let i = 0; i < lower.length; i++) {
    const k = soundKey(lower[i]);
    const list = soundLists.get(k);
    if (list) list.push(i);
    else soundLists.set(k, [i]);
  }
  // likeliest first, so a lookup stops reading a group or a sound once no word left in it can rank
  const byPrior = (a: number, b: number) => prior[b] - prior[a];
  for (let g = 0; g < prefixes.length; g++) members.subarray(groupStart[g], groupStart[g + 1]).sort(byPrior);
  const sounds = WordTable.from(soundLists.keys());
  const soundStart = new Int32Array(sounds.size + 1);
  const soundMembers = new Int32Array(lower.length);
  let filled = 0;
  for (let k = 0; k < sounds.size; k++) {
    const list = soundLists.get(sounds.wordAt(k))!;
    if (list.length > 1) list.sort(byPrior);
    soundStart[k] = filled;
    soundMembers.set(list, filled);
    filled += list.length;
  }
  soundStart[sounds.size] = filled;
  return {
    words, display: WordTable.from(shown), named, groupStart, members, bucketStart, entryKey, entryGroup,
    sounds, soundStart, soundMembers, seen: new Int32Array(prefixes.length), queries: 0, cache: new Map(),
  };
}

/**
 * The index as one file: a header of part lengths, then the parts, each 8-byte aligned so that typed
 * arrays and tables are views of the file's buffer, not copies. ~17 MB for the US dictionary.
 */
const INDEX_MAGIC = 0x43445832; // "CDX2"
/** Bump when the index's layout, the prefix length, the hashing or the sound keys change: part of the cache file's name. */
export const SUGGEST_INDEX_VERSION = 2;
const PARTS = 10;

function writeIndex(file: string, index: SuggestIndex): void {
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const parts = [
    index.words.toBuffer(), index.display.toBuffer(), index.sounds.toBuffer(), bytes(index.named), bytes(index.groupStart),
    bytes(index.members), bytes(index.bucketStart), bytes(index.entryKey), bytes(index.entryGroup), bytes(index.soundStart),
  ];
  const soundMembers = bytes(index.soundMembers);
  const header = Int32Array.from([INDEX_MAGIC, PARTS + 1, ...parts.map((p) => p.length), soundMembers.length]);
  const padded = [bytes(header), ...parts, soundMembers].flatMap((b) => [b, Buffer.alloc((8 - (b.length % 8)) % 8)]);
  writeCacheFile(file, Buffer.concat(padded));
}

function readIndex(file: string): SuggestIndex | null {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return null;
  }
  const bytes = buffer.byteOffset % 8 === 0 ? buffer : Buffer.from(buffer);
  const headerLength = 2 + PARTS + 1;
  if (bytes.length < headerLength * 4) return null;
  const header = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, headerLength);
  if (header[0] !== INDEX_MAGIC || header[1] !== PARTS + 1) return null;
  const pad = (n: number) => Math.ceil(n / 8) * 8;
  const parts: Buffer[] = [];
  let at = pad(headerLength * 4);
  for (let k = 0; k <= PARTS; k++) {
    const length = header[2 + k];
    if (length < 0 || at + length > bytes.length) return null;
    parts.push(bytes.subarray(at, at + length));
    at = pad(at + length);
  }
  if (at !== bytes.length) return null;
  const ints = (b: Buffer) => new Int32Array(b.buffer as ArrayBuffer, b.byteOffset, b.length / 4);
  const [words, display, sounds] = parts.slice(0, 3).map((b) => WordTable.fromBuffer(b));
  if (!words || !display || !sounds) return null;
  const [groupStart, members, bucketStart, entryKey, entryGroup, soundStart, soundMembers] = parts.slice(4).map(ints);
  const named = new Uint8Array(parts[3].buffer as ArrayBuffer, parts[3].byteOffset, parts[3].length);
  if (display.size !== words.size || named.length !== words.size || members.length !== words.size || soundStart.length !== sounds.size + 1) return null;
  return {
    words, display, named, groupStart, members, bucketStart, entryKey, entryGroup, sounds, soundStart, soundMembers,
    seen: new Int32Array(groupStart.length - 1), queries: 0, cache: new Map(),
  };
}

/** The index for `words`: from `cacheFile` when a previous process wrote it, else built (and written, best effort). */
function indexFor(words: ReadonlySet<string>, options: SuggestOptions): SuggestIndex {
  const cached = options.cacheFile ? readIndex(options.cacheFile) : null;
  if (cached) return cached;
  const index = buildIndex(words, options.noSuggest ?? new Set(), options.frequency ?? wordFrequency());
  // best effort: on a read-only install every process builds it
  if (options.cacheFile) writeIndex(options.cacheFile, index);
  return index;
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
  const mask = index.bucketStart.length - 2;
  const prior = index.words.numbers;
  const apostrophe = word.includes("'");
  /** the edit cost word i may have and still enter the best `max`: most words are skipped without computing it */
  const allowance = (i: number): number => {
    const candidate = index.words.wordAt(i);
    // "pot's" for "potaos": a possessive is never what a word without an apostrophe meant
    if (!apostrophe && candidate.endsWith("'s")) return -1;
    let penalty = candidate[0] !== word[0] ? FIRST_LETTER : 0;
    // a lower-case word is rarely meant as a name ("lester" is "lesser", not "Lester")
    if (lowerCaseQuery && index.named[i]) penalty += NAME;
    return best.length < max ? Infinity : (prior[i] - best[max - 1].score) / SLIP_WEIGHT - penalty;
  };
  const consider = (i: number, cost: number) => {
    const candidate = index.words.wordAt(i);
    if (candidate[0] !== word[0]) cost += FIRST_LETTER;
    if (lowerCaseQuery && index.named[i]) cost += NAME;
    const score = prior[i] - SLIP_WEIGHT * cost;
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
    for (let e = index.bucketStart[h & mask], end = index.bucketStart[(h & mask) + 1]; e < end; e++) {
      if (index.entryKey[e] !== h) continue;
      const g = index.entryGroup[e];
      if (index.seen[g] === q) continue;
      index.seen[g] = q;
      for (let k = index.groupStart[g]; k < index.groupStart[g + 1]; k++) {
        const i = index.members[k];
        if (best.length === max && prior[i] <= best[max - 1].score) break;
        const candidate = index.words.wordAt(i);
        if (Math.abs(candidate.length - word.length) > 2) continue;
        const limit = Math.min(bound, allowance(i));
        if (limit <= 0) continue;
        const cost = editCost(word, candidate, limit);
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
        const sound = index.sounds.indexOf(k);
        if (sound < 0) continue;
        for (let at = index.soundStart[sound]; at < index.soundStart[sound + 1]; at++) {
          const i = index.soundMembers[at];
          if (best.length === max && prior[i] - SLIP_WEIGHT * base <= best[max - 1].score) break;
          const limit = Math.min(SOUND_BOUND, (allowance(i) - base) / SOUND_EDIT);
          if (limit <= 0) continue;
          const e = editCost(word, index.words.wordAt(i), limit);
          if (e === Infinity || e === 0) continue;
          consider(i, base + SOUND_EDIT * e);
        }
      }
    }
  }
  return best.map((b) => index.display.wordAt(b.i));
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
  /**
   * Where the index of these words (with these NOSUGGEST words and counts) is kept between processes:
   * a name that changes whenever they can (package versions, an index version). None: built each time.
   */
  cacheFile?: string;
}

/**
 * Up to `max` words of `words` within `distance` weighted edits of `word`, likeliest first: the word's
 * frequency discounted by the slips that reach it. The case of `word` is kept ("Teh" → "The").
 */
export function suggestFrom(word: string, words: ReadonlySet<string>, max: number, distance: 1 | 2, options: SuggestOptions = {}): string[] {
  if (word.length > MAX_SUGGEST_LENGTH || !word) return [];
  const lower = word.toLowerCase().replace(/’/g, "'");
  let index = indexes.get(words);
  if (!index) indexes.set(words, (index = indexFor(words, options)));
  const key = `${distance}:${max}:${word === lower ? "" : "A"}${lower}`;
  let found = index.cache.get(key);
  if (!found) {
    found = lookUp(index, lower, max, distance, word === lower);
    if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
    index.cache.set(key, found);
  }
  return found.map((s) => keepCase(word, s));
}
