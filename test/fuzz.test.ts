/**
 * Fuzzing the ingest and check path (issue 8): random and mutated text, HTML and JSON go through
 * parseSource / validateParsed and then every check. Whatever comes in, ingest either parses it or
 * refuses it with an AppError; the checks never throw, every finding lies inside the text without
 * splitting a surrogate pair, and each input is done within a time budget. fast-check prints the seed
 * and the shrunk input of a failure; FUZZ_SEED=<seed> replays it, FUZZ_SEED=random explores new inputs, FUZZ_RUNS=<n> runs more.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/checks/run-checks";
import { AppError } from "@/lib/errors";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import type { SourceFormat } from "@/lib/ingest/decode-source";
import { parseSource } from "@/lib/ingest/parse-source";
import { validateParsed } from "@/lib/ingest/validate-parsed";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// fixed by default so a red CI run can be replayed exactly and a green one means the same inputs
// passed; FUZZ_SEED=random (or a number) explores further by hand
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20261127);
/** Per input: generous, since the machine running the suite may be busy; the hostile cases took minutes before. */
const BUDGET_MS = 5_000;
/** vitest's limit per test, raised with FUZZ_RUNS */
const TEST_TIMEOUT_MS = 20_000 + RUNS * 40;

const SAMPLES = ["harbor-bridge.txt", "school-budget.txt", "wildfire-evacuation.md"].map((f) =>
  readFileSync(path.join(__dirname, "..", "prisma", "samples", f), "utf8"),
);

/** Pieces that have broken text tools: astral and joined emoji, lone surrogates, joiners, NUL, RTL, quotes, glued words. */
const PIECES = [
  "😀", "👩‍👩‍👧", "🇨🇴", "\uD83D", "\uDE00", "\uDC00\uD800", "\u200D", "\u200C", "\u200B", "\uFEFF", "\0", "\u0007",
  "مرحبا بالعالم", "שלום", "\u202E", "\u2066", "e\u0301", "ﬁ", "İ", "ß", "𝐀𝐁𝐂",
  '"', "“", "”", "‘", "’", "'", "«", "»", '""', "“”", '"a"', "“Yes,” she said.", "'", "(", ")", "[",
  ".", "...", "…", "!", "?", ",", ";", ":", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u2028", "\u00A0",
  "the", "The", "and", "said", "Mr.", "Dr. Ann Lee", "thecapture", "ended.The", "HouseAFP", "Reuters", "AFP", "Photo: Jane Doe",
  "teh", "goverment", "Share this article", "Advertisement", "By Marta Quiroga", "http://example.com/a?b=c", "www.x.org",
  "@handle", "#tag", "a@b.co", ".com", "U.S.", "D.C.", "2025", "4pm", "face-to-face", "it's", "the the",
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "e", "t", "h", "n", "d", "A", "1", ".", "'", "-", "@"), minLength: 40, maxLength: 4_000 }) },
);

const randomText = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(""));

/** A sample article with pieces inserted, ranges deleted or repeated. */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("insert", "delete", "repeat"), piece), { maxLength: 12 }),
  )
  .map(([text, edits]) => {
    for (const [a, b, op, p] of edits) {
      const i = Math.floor(a * text.length);
      const j = Math.min(text.length, i + Math.floor(b * 200));
      text = op === "insert" ? text.slice(0, i) + p + text.slice(i) : op === "delete" ? text.slice(0, i) + text.slice(j) : text.slice(0, j) + text.slice(i, j).repeat(3) + text.slice(j);
    }
    return text;
  });

/** One piece repeated into a long run: the shapes that used to take minutes (long words, thousands of quotes). */
const longRun = fc.tuple(fc.constantFrom(...PIECES, "abc", "“a” ", '"', "a.", "Ab Cd "), fc.integer({ min: 1_000, max: 60_000 })).map(([p, n]) => `Headline\n\n${p.repeat(n).slice(0, 200_000)}`);

// no <style>: jsdom logs every stylesheet it cannot parse
const TAGS = ["div", "p", "span", "h1", "h2", "figure", "figcaption", "img", "b", "i", "a", "ul", "li", "table", "tr", "td", "blockquote", "script", "article", "section", "br", "meta"];
const ATTRS = ['class="x"', 'href="javascript:alert(1)"', 'onerror="alert(1)"', 'alt="Crews at dawn"', 'property="og:site_name" content="Voz"', 'src="x.jpg"', "hidden"];

/** Random HTML: nested tags (some never closed, some closed twice), attributes, text, comments, entities. */
const html = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      randomText,
      fc.constantFrom("&amp;", "&lt;p&gt;", "&#0;", "&#xD800;", "&nbsp;", "<!-- c -->", "<![CDATA[x]]>", "</p>", "<p", "<"),
      fc.tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRS, { maxLength: 2 }), fc.array(tie("node"), { maxLength: 4 }), fc.constantFrom("close", "open", "twice")).map(
        ([tag, attrs, children, end]) => `<${[tag, ...attrs].join(" ")}>${children.join("")}${end === "open" ? "" : end === "twice" ? `</${tag}></${tag}>` : `</${tag}>`}`,
      ),
    ),
  }))
  .node.chain((body) =>
    fc.oneof(
      fc.constant(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`),
      fc.constant(body),
      fc.integer({ min: 50, max: 3_000 }).map((depth) => `<html><body><h1>Deep</h1>${"<div>".repeat(depth)}${body}${"</div>".repeat(depth)}</body></html>`),
    ),
  );

/** JSON as a client could send it to the preview round-trip: shaped like an article, or anything at all. */
const articleJson = fc.oneof(
  fc.json(),
  fc.record({
    text: fc.oneof(randomText, mutatedSample),
    blocks: fc.array(
      fc.record({
        kind: fc.constantFrom("outlet", "headline", "dek", "caption", "credit", "byline", "paragraph", "junk", "bogus"),
        start: fc.integer({ min: -2, max: 3_000 }),
        end: fc.integer({ min: -2, max: 3_000 }),
      }),
      { maxLength: 8 },
    ),
  }).map((a) => JSON.stringify(a)),
  // a well-formed article: blocks that follow the text's blank lines, so the checks always get to run
  fc.oneof(randomText, mutatedSample).map((text) => JSON.stringify(blocksOf(text))),
);

function blocksOf(text: string): ParsedArticle {
  const blocks: ParsedArticle["blocks"] = [];
  const kinds = ["headline", "byline", "caption", "credit", "paragraph", "junk"] as const;
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) blocks.push({ kind: blocks.length === 0 ? "headline" : kinds[blocks.length % kinds.length], start, end });
  }
  return { text, blocks };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether a cut at `i` falls between the two halves of one astral character. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/** Parse (or refuse with an AppError), then check; the properties every input must keep. Whether it was checked. */
function ingestAndCheck(read: () => ParsedArticle): boolean {
  const started = performance.now();
  let parsed: ParsedArticle;
  try {
    parsed = read();
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
  const { findings, quotes } = runChecks(parsed);
  const { text } = parsed;
  for (const f of findings) {
    expect(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.rule} [${f.start}, ${f.end}) in ${text.length}`).toBe(true);
    expect(text.slice(f.start, f.end)).toBe(f.exact);
    expect(splitsPair(text, f.start) || splitsPair(text, f.end), `${f.rule} splits a surrogate pair at [${f.start}, ${f.end})`).toBe(false);
  }
  for (const q of quotes) {
    expect(0 <= q.start && q.start <= q.end && q.end <= text.length).toBe(true);
    expect(splitsPair(text, q.start) || splitsPair(text, q.end)).toBe(false);
  }
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  return true;
}

/** Runs the property and makes sure most inputs got as far as the checks: a fuzzer whose inputs are all refused tests nothing. */
function fuzz<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, read: (input: T) => ParsedArticle, minChecked: number) {
  let runs = 0;
  let checked = 0;
  fc.assert(
    fc.property(arbitrary, (input) => {
      runs++;
      if (ingestAndCheck(() => read(input))) checked++;
    }),
    { numRuns, seed: SEED, endOnFailure: true },
  );
  expect(checked / runs).toBeGreaterThanOrEqual(minChecked);
}

describe("fuzz: ingest and checks on hostile input", () => {
  it("plain text and Markdown, random and mutated", () => {
    const input = fc.tuple(fc.oneof(randomText, mutatedSample), fc.constantFrom<SourceFormat>("text", "markdown"));
    fuzz(input, RUNS, ([text, format]) => parseSource(text, format), 0.5);
  }, TEST_TIMEOUT_MS);

  it("long runs of one piece (long words, thousands of quotes) stay within the budget", () => {
    fuzz(longRun, Math.ceil(RUNS / 4), (text) => parseSource(text, "text"), 0.5);
  }, TEST_TIMEOUT_MS);

  it("HTML: random nesting, unclosed and doubled tags, deep trees", () => {
    fuzz(html, Math.ceil(RUNS / 2), (source) => parseSource(source, "html"), 0.3);
  }, TEST_TIMEOUT_MS);

  it("JSON from the preview round-trip: any JSON is refused cleanly or checked", () => {
    fuzz(articleJson, RUNS, (json) => validateParsed(JSON.parse(json)), 0.2);
  }, TEST_TIMEOUT_MS);
});
