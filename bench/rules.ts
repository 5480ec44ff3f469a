/**
 * `npm run bench:rules`: house-style rules compiled into one matcher (lib/house-style/compile.ts) against
 * the naive way, one JavaScript RegExp pass over the text per rule (as the Guardian's typerighter regex
 * matcher runs its rules), on the same generated rules and texts in the same process.
 *
 * Rules: 100, 1,000 and 10,000, generated: mostly substitutions and word lists, 15 % patterns (one in
 * twenty of those with no literal the prefilter can use), 5 % consistency pairs. Texts: 1,000 and 20,000
 * generated words in paragraphs of ~60; a small share of the rules' words comes from the texts'
 * vocabulary, so rules do fire. Nothing comes from real articles. Times are CPU time (see time()),
 * medians over several runs after one warm-up run ("first" is that first run: it includes compiling
 * the patterns the text triggers). BENCH_RULES=100,1000 runs only those set sizes.
 */
import { compileHouseRules, matchHouseRulesReport } from "@/lib/house-style/compile";
import { ruleOf } from "@/lib/house-style/testing";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import { table } from "./table";

// deterministic: the same rules and texts on every run and machine
// (mulberry32: 32-bit integer arithmetic, so no precision loss and no short cycles)
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "de", "an", "or", "el", "ve", "qu", "zi", "bra", "sto", "fen", "gal", "mur"];
const FUNCTION_WORDS = ["the", "a", "of", "to", "and", "in", "that", "was", "for", "on", "said", "with", "by", "at", "from", "it", "is", "as"];
const coin = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join("");
const VOCAB = Array.from(new Set(Array.from({ length: 30_000 }, coin)));
// the text's words are roughly Zipfian (low ranks drawn far more often). A style guide's entries are
// mostly words a given story does not use: 97 % of a rule's words are coined apart from the text's
// vocabulary ("…x"), 3 % are drawn from its rarer half, so that 10,000 rules flag a few dozen to a few
// hundred places in 1,000 words rather than every word
const word = () => VOCAB[Math.floor(VOCAB.length * Math.pow(rand(), 3))];
const ruleWord = () => (rand() < 0.03 ? VOCAB[Math.floor(VOCAB.length * (0.5 + rand() / 2))] : `${coin()}x`);

function article(words: number): string {
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    for (let n = Math.min(left, 50 + Math.floor(rand() * 20)); n > 0; ) {
      const len = Math.min(n, 8 + Math.floor(rand() * 12));
      const ws = Array.from({ length: len }, (_, i) => (i % 3 === 1 ? pick(FUNCTION_WORDS) : rand() < 0.05 ? String(Math.floor(rand() * 500)) : word()));
      ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
      sentences.push(ws.join(" ") + (rand() < 0.1 ? "," : "."));
      n -= len;
      left -= len;
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

function makeRules(n: number): HouseRuleSpec[] {
  return Array.from({ length: n }, (_, i): HouseRuleSpec => {
    const key = `r${i}`;
    const r = rand();
    if (r < 0.45) return ruleOf(key, { kind: "substitution", from: rand() < 0.3 ? [ruleWord(), `${ruleWord()} ${ruleWord()}`] : [ruleWord()], to: coin() });
    if (r < 0.8)
      return ruleOf(key, {
        kind: "word_list",
        flag: Array.from({ length: 5 }, () => ({ word: ruleWord(), replacement: rand() < 0.5 ? coin() : null })),
      });
    if (r < 0.85) return ruleOf(key, { kind: "consistency", forms: [ruleWord(), `${ruleWord()}-${ruleWord()}`] });
    const w = ruleWord();
    const shapes = [
      () => ({ pattern: `\\b${w}(?:s|ed)?\\b` }),
      () => ({ pattern: `\\b${w} (\\d+)\\b`, replacement: `${coin()} $1` }),
      () => ({ pattern: `\\b${w} ${ruleWord()}\\b`, flags: "i" }),
      () => ({ pattern: `\\b(\\d+) ${w}\\b`, replacement: `$1 ${coin()}` }),
      () => ({ pattern: `\\b(?:${w}|${ruleWord()}) of\\b` }),
    ];
    // one pattern in twenty has no literal the prefilter can use: the RE2Set pass reads every paragraph
    // for them, and those that match run there
    const noLiteral = [
      () => ({ pattern: `\\b\\d{${1 + (i % 3)}} ?[a-z]{${3 + (i % 7)}}[${pick(SYLLABLES)}]\\b` }),
      () => ({ pattern: `\\b[A-Z][a-z]{${2 + (i % 9)}} \\d{${1 + (i % 4)}}\\b`, replacement: "$&" + "." }),
      () => ({ pattern: `[a-z]{${4 + (i % 8)}}[,;] [a-z]{${2 + (i % 5)}}\\b` }),
    ];
    const body = rand() < 0.05 ? pick(noLiteral)() : pick(shapes)();
    return ruleOf(key, { kind: "pattern", replacement: null, ...body });
  });
}

/** The peer: every rule its own JavaScript RegExp, one pass over the text each. */
function naiveMatcher(rules: HouseRuleSpec[]): (text: string) => number {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const res = rules.map((rule) => {
    const b = rule.body;
    switch (b.kind) {
      case "substitution":
        return [new RegExp(`\\b(?:${b.from.map(esc).join("|")})\\b`, "gi")];
      case "word_list":
        return [new RegExp(`\\b(?:${b.flag.map((f) => esc(f.word)).join("|")})\\b`, "gi")];
      case "consistency":
        return b.forms.map((f) => new RegExp(`\\b${esc(f)}\\b`, "gi"));
      case "pattern":
        return [new RegExp(b.pattern, `g${b.flags ?? ""}`)];
    }
  });
  return (text) => {
    let found = 0;
    for (const list of res) {
      const counts = list.map((re) => {
        let c = 0;
        for (const _ of text.matchAll(re)) c++;
        return c;
      });
      // consistency: the minority forms' count, as ours flags them
      found += counts.length > 1 ? (counts.filter((c) => c > 0).length > 1 ? counts.reduce((a, c) => a + c, 0) - Math.max(...counts) : 0) : counts[0];
    }
    return found;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * CPU time of this process, in ms. Wall-clock time on a shared machine charges a long run for every
 * other process it waits behind (at a load of 10 on 2 cores, a 100 ms run takes 500 ms of wall time
 * and a 1 ms run often none extra), which would read as super-linear growth that is not ours.
 */
function time<T>(f: () => T): [number, T] {
  const t = process.cpuUsage();
  const v = f();
  const d = process.cpuUsage(t);
  return [(d.user + d.system) / 1000, v];
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function main() {
  const texts = [1_000, 20_000].map((n) => ({ words: n, text: article(n) }));
  const rows: (string | number)[][] = [];
  const perWord: Record<string, number[]> = {};
  for (const n of (process.env.BENCH_RULES ?? "100,1000,10000").split(",").map(Number)) {
    const rules = makeRules(n);
    const [compileMs, compiled] = time(() => compileHouseRules(rules));
    const naive = naiveMatcher(rules);
    for (const { words, text } of texts) {
      const runs = words > 5_000 ? 5 : 9;
      const [firstMs] = time(() => matchHouseRulesReport(compiled, text, { budgetMs: 60_000 }));
      const oursTimes: number[] = [];
      let report = matchHouseRulesReport(compiled, text, { budgetMs: 60_000 });
      for (let k = 0; k < runs; k++) {
        const [t, r] = time(() => matchHouseRulesReport(compiled, text, { budgetMs: 60_000 }));
        oursTimes.push(t);
        report = r;
      }
      naive(text);
      const naiveTimes: number[] = [];
      let naiveFound = 0;
      for (let k = 0; k < Math.min(runs, n >= 10_000 && words > 5_000 ? 3 : runs); k++) {
        const [t, c] = time(() => naive(text));
        naiveTimes.push(t);
        naiveFound = c;
      }
      const ours = median(oursTimes);
      const peer = median(naiveTimes);
      (perWord[n] ??= []).push(ours / words);
      rows.push([
        n.toLocaleString("en"),
        words.toLocaleString("en"),
        ms(compileMs),
        ms(firstMs),
        ms(ours),
        report.matches.length,
        ms(peer),
        naiveFound,
        `${(peer / ours).toFixed(1)}×`,
      ]);
      if (report.skipped.length) rows.push(["", "", "", "", `skipped ${report.skipped.length}`, "", "", "", ""]);
    }
  }
  console.log(
    table(["rules", "words", "compile ms", "first ms", "ours ms (median)", "ours matches", "naive ms (median)", "naive matches", "naive ÷ ours"], rows) +
      "\n(ms: CPU time of the process, median of 5–9 runs after one warm-up run; first: that warm-up run)",
  );
  console.log("");
  for (const [n, [small, big]] of Object.entries(perWord)) {
    console.log(`${Number(n).toLocaleString("en")} rules: time per word at 20,000 words ÷ at 1,000 words = ${(big / small).toFixed(2)} (1.00 = linear)`);
  }
  console.log(
    "\nnaive: one JavaScript RegExp per rule (word lists and substitutions as one alternation each), one pass per rule; matches differ slightly (ours: longest phrase, no overlaps within a rule, at most 250 per rule, patterns within a paragraph).",
  );
}

main();
