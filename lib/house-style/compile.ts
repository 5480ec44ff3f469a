import { RE2JS, RE2Set } from "re2js";
import { MAX_FINDINGS_PER_RULE } from "@/lib/checks/finding";
import { LiteralSet } from "./aho-corasick";
import { compilePattern, expandTemplate, foldForPrefilter, requiredLiterals, toRe2Syntax } from "./pattern";
import type { HouseMatch, HouseRuleSpec } from "./types";
import { exactToken, matchCase, MAX_PHRASE_TOKENS, phraseKeys, tokenize, type WordToken } from "./words";

/**
 * All house rules compiled into one matcher (decision 025):
 * - substitutions, word lists and consistency forms go into one trie of word tokens, walked once from
 *   each token of the text (at most MAX_PHRASE_TOKENS deep): one pass for any number of such rules;
 * - patterns run in RE2 (linear time), each only on the paragraphs that hold one of its required
 *   literals (one Aho-Corasick pass over each paragraph finds them for every pattern at once);
 *   patterns without a literal are asked in batches, one RE2Set per 64, which of them match a paragraph.
 *   The pattern phase has a time budget per article: rules not reached in it are reported as skipped,
 *   never allowed to stall the checks.
 */

type EntryKind = "replace" | "allow" | "form";

interface Entry {
  rule: number;
  kind: EntryKind;
  /** the tokens as written, for case-sensitive entries only */
  exact: string[] | null;
  /** the house form (case-shaped at match time unless the rule is case-sensitive), or null: flag only */
  replacement: string | null;
  /** consistency: which form this is */
  form: number;
  /** the phrase as the rule writes it */
  phrase: string;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: Entry[] | null;
}

interface UnfilteredBatch {
  /** pattern indices, in the order added to the set */
  members: number[];
  /** built on first use; "broken" when RE2 refused one of the members (then each runs on every paragraph) */
  set: RE2Set | null | "broken";
}

/**
 * Patterns per RE2Set: RE2 builds one automaton for the batch, so asking "which of these 64 match this
 * paragraph" costs about one pattern's pass once the automaton is warm; smaller batches keep each
 * automaton within RE2's memory bound.
 */
const UNFILTERED_BATCH = 64;

interface CompiledPattern {
  rule: number;
  source: string;
  flags: string;
  /** compiled on first use; "broken" when it could not be (only an unvalidated spec gets here) */
  re: RE2JS | null | "broken";
  replacement: string | null;
}

export interface CompiledHouseRules {
  readonly rules: readonly HouseRuleSpec[];
  readonly trie: TrieNode;
  readonly patterns: readonly CompiledPattern[];
  /** pattern indices whose literal must occur before they run */
  readonly literals: LiteralSet;
  /** patterns no literal could be read off, in batches: one RE2Set (one automaton) per batch says which of them match a paragraph */
  readonly unfiltered: readonly UnfilteredBatch[];
  /** rules that could not be compiled (only an unvalidated spec can get here) */
  readonly broken: { key: string; message: string }[];
}

export interface MatchOptions {
  /** time for the pattern phase on this text; default DEFAULT_PATTERN_BUDGET_MS */
  budgetMs?: number;
}

export interface MatchReport {
  matches: HouseMatch[];
  /** keys of pattern rules that did not run, or did not finish, within the budget */
  skipped: string[];
}

/** A second per article for house patterns: RE2 is linear, so only a huge set on a huge text gets near it. */
export const DEFAULT_PATTERN_BUDGET_MS = 1000;

const newNode = (): TrieNode => ({ next: null, entries: null });

function insert(root: TrieNode, phrase: string, entry: Omit<Entry, "exact" | "phrase">, caseSensitive: boolean): void {
  const keys = phraseKeys(phrase);
  if (keys.length === 0 || keys.length > MAX_PHRASE_TOKENS) return;
  let node = root;
  for (const k of keys) {
    node.next ??= new Map();
    let child = node.next.get(k);
    if (!child) node.next.set(k, (child = newNode()));
    node = child;
  }
  const trimmed = phrase.trim();
  const exact = caseSensitive ? tokenize(trimmed).map((t) => exactToken(trimmed, t)) : null;
  (node.entries ??= []).push({ ...entry, exact, phrase: trimmed });
}

export function compileHouseRules(rules: readonly HouseRuleSpec[]): CompiledHouseRules {
  const trie = newNode();
  const patterns: CompiledPattern[] = [];
  const literals = new LiteralSet();
  const unfiltered: UnfilteredBatch[] = [];
  const broken: { key: string; message: string }[] = [];
  rules.forEach((rule, r) => {
    const body = rule.body;
    switch (body.kind) {
      case "substitution":
        for (const f of body.from) insert(trie, f, { rule: r, kind: "replace", replacement: body.to, form: 0 }, !!body.caseSensitive);
        break;
      case "word_list":
        for (const w of body.flag) insert(trie, w.word, { rule: r, kind: "replace", replacement: w.replacement ?? null, form: 0 }, !!body.caseSensitive);
        for (const a of body.allow ?? []) insert(trie, a, { rule: r, kind: "allow", replacement: null, form: 0 }, false);
        break;
      case "consistency":
        body.forms.forEach((f, i) => insert(trie, f, { rule: r, kind: "form", replacement: null, form: i }, false));
        break;
      case "pattern": {
        const p = patterns.length;
        // RE2 compiles on first use: of thousands of patterns, most never meet their literal
        patterns.push({ rule: r, source: body.pattern, flags: body.flags ?? "", re: null, replacement: body.replacement ?? null });
        const lits = requiredLiterals(toRe2Syntax(body.pattern));
        if (lits) for (const l of lits) literals.add(l, p);
        else {
          if (!unfiltered.length || unfiltered.at(-1)!.members.length >= UNFILTERED_BATCH) unfiltered.push({ members: [], set: null });
          unfiltered.at(-1)!.members.push(p);
        }
        break;
      }
    }
  });
  literals.build();
  return { rules, trie, patterns, literals, unfiltered, broken };
}

interface Candidate {
  entry: Entry;
  /** index of the phrase's last token */
  last: number;
}

/** Every house match in text, sorted by position; see matchHouseRulesReport for what the budget skipped. */
export function matchHouseRules(compiled: CompiledHouseRules, text: string, options: MatchOptions = {}): HouseMatch[] {
  return matchHouseRulesReport(compiled, text, options).matches;
}

export function matchHouseRulesReport(compiled: CompiledHouseRules, text: string, options: MatchOptions = {}): MatchReport {
  const matches = matchPhrases(compiled, text);
  const skipped = matchPatterns(compiled, text, options.budgetMs ?? DEFAULT_PATTERN_BUDGET_MS, matches);
  matches.sort((a, b) => a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { matches, skipped };
}

function toMatch(rule: HouseRuleSpec, text: string, start: number, end: number, replacement: string | null): HouseMatch {
  return { key: rule.key, version: rule.version, start, end, exact: text.slice(start, end), replacement, message: rule.message };
}

function sameExact(text: string, tokens: WordToken[], from: number, exact: string[]): boolean {
  for (let k = 0; k < exact.length; k++) if (exactToken(text, tokens[from + k]) !== exact[k]) return false;
  return true;
}

/** One walk of the trie from each token: substitutions, word lists and consistency forms together. */
function matchPhrases(compiled: CompiledHouseRules, text: string): HouseMatch[] {
  const { rules, trie } = compiled;
  if (!trie.next) return [];
  const tokens = tokenize(text);
  const n = rules.length;
  const lastEnd = new Int32Array(n).fill(-1);
  const allowEnd = new Int32Array(n).fill(-1);
  const found = new Int32Array(n);
  const forms = new Map<number, { form: number; start: number; end: number }[]>();
  const out: HouseMatch[] = [];
  // the longest candidate per rule and kind at the current start (a deeper node overwrites a shallower one)
  const best = new Map<number, Candidate>();
  const bestAllow = new Map<number, Candidate>();

  for (let i = 0; i < tokens.length; i++) {
    let node: TrieNode | undefined = trie;
    for (let j = i; j < tokens.length && j - i < MAX_PHRASE_TOKENS; j++) {
      const t = tokens[j];
      const key = j === i ? t.key : t.next;
      if (key === null) break;
      node = node.next?.get(key);
      if (!node) break;
      if (node.entries) {
        for (const e of node.entries) {
          if (e.exact && !sameExact(text, tokens, i, e.exact)) continue;
          (e.kind === "allow" ? bestAllow : best).set(e.rule, { entry: e, last: j });
        }
      }
    }
    if (best.size === 0 && bestAllow.size === 0) continue;
    const start = tokens[i].start;
    for (const [r, c] of bestAllow) allowEnd[r] = Math.max(allowEnd[r], tokens[c.last].end);
    for (const [r, c] of best) {
      const end = tokens[c.last].end;
      if (start < lastEnd[r] || end <= allowEnd[r]) continue;
      lastEnd[r] = end;
      const e = c.entry;
      if (e.kind === "form") {
        let list = forms.get(r);
        if (!list) forms.set(r, (list = []));
        list.push({ form: e.form, start, end });
        continue;
      }
      if (found[r] >= MAX_FINDINGS_PER_RULE) continue;
      const exact = text.slice(start, end);
      const replacement = e.replacement === null ? null : e.exact ? e.replacement : matchCase(exact, e.replacement, e.phrase);
      if (replacement === exact) continue;
      found[r]++;
      out.push(toMatch(rules[r], text, start, end, replacement));
    }
    best.clear();
    bestAllow.clear();
  }

  // consistency: the article's majority form wins (ties: the form listed first); the others are flagged
  for (const [r, list] of forms) {
    const body = rules[r].body;
    if (body.kind !== "consistency") continue;
    const counts = new Array<number>(body.forms.length).fill(0);
    for (const o of list) counts[o.form]++;
    if (counts.filter((c) => c > 0).length < 2) continue;
    let major = 0;
    counts.forEach((c, f) => {
      if (c > counts[major]) major = f;
    });
    let flagged = 0;
    for (const o of list) {
      if (o.form === major) continue;
      if (++flagged > MAX_FINDINGS_PER_RULE) break;
      out.push(toMatch(rules[r], text, o.start, o.end, matchCase(text.slice(o.start, o.end), body.forms[major].trim(), body.forms[o.form])));
    }
  }
  return out;
}

/**
 * Paragraphs: the text between blank lines. A house pattern matches within one paragraph (as phrases do):
 * a style rule never spans two, and running each pattern only on the paragraphs that hold its literal
 * keeps RE2 (pure JavaScript, ~1 µs per character on its slow paths) off most of a long article.
 */
export function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (text.length > from) out.push([from, text.length]);
  return out;
}

function batchSet(compiled: CompiledHouseRules, batch: UnfilteredBatch): RE2Set | "broken" {
  if (batch.set === null) {
    try {
      const set = new RE2Set(RE2Set.UNANCHORED, RE2JS.LOOKBEHINDS);
      for (const p of batch.members) {
        const { source, flags } = compiled.patterns[p];
        const re2 = toRe2Syntax(source);
        // the set has one set of flags; each pattern carries its own inline
        const inline = [...flags].filter((f) => f === "i" || f === "m" || f === "s").join("");
        set.add(inline ? `(?${inline})(?:${re2})` : re2);
      }
      set.compile();
      batch.set = set;
    } catch {
      batch.set = "broken";
    }
  }
  return batch.set;
}

/** Patterns whose literal occurs in a paragraph run there (those without a literal run everywhere), in RE2, within the budget. */
function matchPatterns(compiled: CompiledHouseRules, text: string, budgetMs: number, out: HouseMatch[]): string[] {
  const { patterns, rules } = compiled;
  if (patterns.length === 0) return [];
  const paras = paragraphs(text);
  // for each pattern to run, the paragraphs it runs on, in text order
  const where = new Map<number, number[]>();
  paras.forEach(([s, e], pi) => {
    for (const p of compiled.literals.find(foldForPrefilter(text.slice(s, e)))) {
      const list = where.get(p);
      if (list) list.push(pi);
      else where.set(p, [pi]);
    }
  });
  const paraTexts = paras.map(([s, e]) => text.slice(s, e));
  for (const batch of compiled.unfiltered) {
    const set = batchSet(compiled, batch);
    if (set === "broken") {
      for (const p of batch.members) where.set(p, paras.map((_, pi) => pi));
      continue;
    }
    paraTexts.forEach((para, pi) => {
      for (const id of set.match(para)) {
        const p = batch.members[id];
        const list = where.get(p);
        if (list) list.push(pi);
        else where.set(p, [pi]);
      }
    });
  }
  const order = [...where.keys()].sort((a, b) => a - b);
  const deadline = performance.now() + budgetMs;
  const skipped: string[] = [];
  for (const pIndex of order) {
    const p = patterns[pIndex];
    const rule = rules[p.rule];
    if (performance.now() > deadline) {
      skipped.push(rule.key);
      continue;
    }
    if (p.re === null) {
      try {
        p.re = compilePattern(p.source, p.flags);
      } catch (e) {
        p.re = "broken";
        compiled.broken.push({ key: rule.key, message: e instanceof Error ? e.message : String(e) });
      }
    }
    if (p.re === "broken") continue;
    let count = 0;
    scan: for (const pi of where.get(pIndex)!) {
      const s = paras[pi][0];
      const para = paraTexts[pi];
      // whether it matches at all is RE2's fast path (a DFA); finding where, with groups, is its slow one
      if (!p.re.test(para)) continue;
      for (const m of p.re.matchAll(para)) {
        if (m[0].length === 0) continue;
        const at = s + (m.index ?? 0);
        const replacement = p.replacement === null ? null : expandTemplate(p.replacement, m);
        // a "fix" that changes nothing is no finding
        if (replacement === m[0]) continue;
        out.push(toMatch(rule, text, at, at + m[0].length, replacement));
        if (++count >= MAX_FINDINGS_PER_RULE) break scan;
      }
      if (performance.now() > deadline) {
        skipped.push(rule.key);
        break;
      }
    }
  }
  return skipped;
}
