import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/ingest/blocks";
import { applyChanges, type TextChange } from "@/lib/revisions/apply-changes";
import { similarity } from "./edit-distance";
import { isValidRange, quoteSelector } from "./quote-selector";
import { keptWordShare } from "./kept-words";
import { type Anchor, FUZZY_THRESHOLD, MIN_KEPT_WORDS, MIN_QUOTE_SIMILARITY, reanchor, SEARCH_RADIUS } from "./reanchor";

const P1 = "The minister said the budget would rise next year, according to officials in the capital.";
const P2 = "Critics said the plan was vague. The opposition leader called it a gamble with public money.";
const P3 = "Analysts expect growth of two percent, while unions warned of strikes in the spring.";
const TEXT = [P1, P2, P3].join("\n\n");

function anchorOn(text: string, quote: string, from = 0): Anchor {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`test fixture lacks ${quote}`);
  return { start, end: start + quote.length, ...quoteSelector(text, start, start + quote.length) };
}

function anchoredText(result: ReturnType<typeof reanchor>, text: string): string {
  if (result.status !== "anchored") throw new Error(`orphaned: ${result.reason}`);
  return text.slice(result.start, result.end);
}

/** One change on TEXT (one paragraph per P), and the map of an anchor's old range onto the new text. */
function applyOne(text: string, change: TextChange) {
  const result = applyChanges(text, [{ kind: "paragraph", start: 0, end: text.length }], [change]);
  if (!result.ok) throw new Error("conflict");
  return { text: result.text, hint: (a: Anchor) => ({ start: result.map(a.start, "start"), end: result.map(a.end, "end") }) };
}

describe("reanchor", () => {
  it("keeps an anchor on unchanged text by position", () => {
    const a = anchorOn(TEXT, "a gamble");
    expect(reanchor(a, TEXT, a)).toEqual({ status: "anchored", start: a.start, end: a.end, method: "position", score: 1 });
  });

  it("finds the quote when text was inserted before it and there is no position to go by", () => {
    const a = anchorOn(TEXT, "a gamble");
    const newText = "Updated: " + TEXT;
    const r = reanchor(a, newText);
    expect(r).toMatchObject({ status: "anchored", method: "quote", start: a.start + 9, end: a.end + 9 });
    expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    const moved = { start: a.start + 9, end: a.end + 9 };
    expect(reanchor(a, newText, moved)).toMatchObject({ status: "anchored", method: "position", ...moved });
  });

  it("lets the context decide between two copies of the quote", () => {
    const second = anchorOn(TEXT, "said", TEXT.indexOf("Critics"));
    const r = reanchor(second, "Updated: " + TEXT);
    expect(r).toMatchObject({ status: "anchored", method: "quote", start: second.start + 9 });
  });

  it("orphans rather than guesses between copies the context cannot tell apart", () => {
    const repeated = "Officials confirmed on Monday that the talks would resume on Friday in Geneva after a break.";
    const text = [P1, repeated, P2, repeated, P3].join("\n\n");
    const first = anchorOn(text, "would resume");
    const newText = text.replace("The minister", "A minister");
    const r = reanchor(first, newText);
    expect(r).toMatchObject({ status: "orphaned" });
    if (r.status === "orphaned") expect(r.reason).toMatch(/ambiguous/);
  });

  it("does not slide onto a neighbouring copy when a change rewrote the anchor's own text", () => {
    const text = "Officials said that that was the end of the matter for now.";
    const a = anchorOn(text, "that");
    const result = applyChanges(text, [{ kind: "paragraph", start: 0, end: text.length }], [{ id: "c", start: a.start, end: a.end, replacement: "this" }]);
    if (!result.ok) throw new Error("conflict");
    const hint = { start: result.map(a.start, "start"), end: result.map(a.end, "end") };
    expect(result.text.slice(hint.start, hint.end)).toBe("this");
    expect(reanchor(a, result.text, hint).status).toBe("orphaned");
  });

  it("stays on its own text when whole words were inserted into it or deleted from it", () => {
    const a = anchorOn(TEXT, "the plan was vague");
    const widened = applyOne(TEXT, { id: "in", start: a.start + "the plan".length, end: a.start + "the plan".length, replacement: " for the harbour" });
    expect(widened.text.slice(widened.hint(a).start, widened.hint(a).end)).toBe("the plan for the harbour was vague");
    expect(reanchor(a, widened.text, widened.hint(a))).toMatchObject({ status: "anchored", method: "edited", ...widened.hint(a), score: 1 });

    const b = anchorOn(TEXT, "a gamble with public money");
    const cut = applyOne(TEXT, { id: "out", start: b.start + "a gamble".length, end: b.start + "a gamble with public".length, replacement: "" });
    const r = reanchor(b, cut.text, cut.hint(b));
    expect(anchoredText(r, cut.text)).toBe("a gamble money");
    expect(r).toMatchObject({ method: "edited" });
    // with most of its words replaced it is no longer the text the mark was about
    const gutted = applyOne(TEXT, { id: "out", start: b.start, end: b.start + "a gamble with public".length, replacement: "a risk for all" });
    expect(reanchor(b, gutted.text, gutted.hint(b)).status).toBe("orphaned");
  });

  it("follows a slightly edited quote with a fuzzy match above the threshold", () => {
    const a = anchorOn(TEXT, "the budget would rise");
    const newText = TEXT.replace("the budget would rise", "the budgets would rise");
    const r = reanchor(a, newText, { start: a.start, end: a.end + 1 });
    expect(r).toMatchObject({ status: "anchored", method: "fuzzy" });
    expect(anchoredText(r, newText)).toBe("the budgets would rise");
    expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(r.score).toBeLessThan(1);
  });

  it("orphans an anchor whose text was deleted", () => {
    const a = anchorOn(TEXT, "called it a gamble");
    const newText = TEXT.replace(" The opposition leader called it a gamble with public money.", "");
    const r = reanchor(a, newText, { start: a.start - 24, end: a.start - 24 });
    expect(r.status).toBe("orphaned");
  });

  it("finds a paragraph moved elsewhere by its quote and the context that moved with it", () => {
    const a = anchorOn(TEXT, "Analysts expect");
    const blocks = [P1, P2, P3].map((p) => ({ kind: "paragraph" as const, start: TEXT.indexOf(p), end: TEXT.indexOf(p) + p.length }));
    const result = applyChanges(TEXT, blocks, [
      { id: "out", start: blocks[2].start - 2, end: blocks[2].end, replacement: "" },
      { id: "in", start: 0, end: 0, replacement: P3 + "\n\n" },
    ]);
    if (!result.ok) throw new Error("conflict");
    expect(result.text).toBe([P3, P1, P2].join("\n\n"));
    const r = reanchor(a, result.text, { start: result.map(a.start, "start"), end: result.map(a.end, "end") });
    expect(r).toMatchObject({ status: "anchored", method: "quote", start: 0, end: "Analysts expect".length });
  });

  it("leaves a rewritten quote orphaned instead of moving it to a poor match", () => {
    const a = anchorOn(TEXT, "Critics said the plan was vague");
    const newText = TEXT.replace("Critics said the plan was vague", "Critics argued the scheme lacked detail");
    const r = reanchor(a, newText, { start: a.start, end: a.start + 39 });
    expect(r.status).toBe("orphaned");
  });

  it("does not take the same word in an unrelated sentence", () => {
    const a = anchorOn(TEXT, "budget");
    const newText = [P2, P3, "The city council approved its budget on Thursday evening."].join("\n\n");
    const r = reanchor(a, newText, { start: 0, end: 0 });
    expect(r.status).toBe("orphaned");
    // unrelated context is only as similar as any prose is, which is no evidence: the quote alone scores
    expect(r.score).toBeCloseTo("budget".length / ("budget".length + 64), 3);
  });

  it("gives little weight to context cut short by the text's edge", () => {
    const last = "The vote is expected on Tuesday.";
    const text = [P1, "Ministers will meet again before Tuesday and talk.", last].join("\n\n");
    const a = anchorOn(text, "Tuesday", text.indexOf(last));
    expect(a.suffix).toBe(".");
    const newText = [P1, "Ministers will meet again before the end of Tuesday."].join("\n\n");
    expect(reanchor(a, newText, { start: newText.length, end: newText.length }).status).toBe("orphaned");
  });

  it("works in UTF-16 offsets and keeps emoji whole", () => {
    const text = "After a long wait at the station, fans 🎉 cheered 👍 loudly as the 🏆 arrived in town on Sunday, police said.";
    const a = anchorOn(text, "👍 loudly");
    const moved = "🔥🔥 " + text;
    expect(reanchor(a, moved)).toMatchObject({ status: "anchored", method: "quote", start: a.start + 5 });
    const wider = anchorOn(text, "cheered 👍 loudly as");
    const edited = moved.replace("👍 loudly", "👍 very loudly");
    const r = reanchor(wider, edited);
    expect(anchoredText(r, edited)).toBe("cheered 👍 very loudly as");
    expect(r).toMatchObject({ method: "fuzzy" });
  });

  it("widens a fuzzy match that would start inside an emoji to the whole character", () => {
    const text = "After a long wait at the station, thousands of fans 🏆 cheered 👍 loudly as the team arrived in town on Sunday.";
    const a = anchorOn(text, "cheered 👍 loudly as the team");
    const result = applyChanges(text, [{ kind: "paragraph", start: 0, end: text.length }], [{ id: "c", ...anchorOn(text, "cheered"), replacement: "waved" }]);
    if (!result.ok) throw new Error("conflict");
    const r = reanchor(a, result.text, { start: result.map(a.start, "start"), end: result.map(a.end, "end") });
    expect(r).toMatchObject({ status: "anchored", method: "fuzzy" });
    if (r.status !== "anchored") return;
    expect(isValidRange(result.text, r.start, r.end)).toBe(true);
    expect(result.text.slice(r.start, r.end)).toContain("waved 👍 loudly as the team");
  });

  it("finds an edited quote even when an unedited copy of it sits nearby", () => {
    const text = [P1, "The report said the goverment had recieved the letter on Friday.", P2, "Aides recieved the letter too, but only on Saturday.", P3].join("\n\n");
    const a = anchorOn(text, "recieved the letter");
    const newText = text.replace("had recieved the letter", "had received the letter");
    const r = reanchor(a, newText);
    expect(r).toMatchObject({ status: "anchored", method: "fuzzy" });
    expect(anchoredText(r, newText)).toBe("received the letter");
    expect(r.status === "anchored" && r.start).toBe(newText.indexOf("received the letter"));
  });

  it("without a hint, searches the whole text when nothing near the old offset fits", () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} repeats nothing of interest to this story at all.`);
    const text = [P1, P2, ...filler, P3].join("\n\n");
    const a = anchorOn(text, "called it a gamble with public money");
    const newText = [P1, ...filler, P2.replace("a gamble", "a gambel"), P3].join("\n\n");
    expect(Math.abs(newText.indexOf("called it") - a.start)).toBeGreaterThan(SEARCH_RADIUS);
    const r = reanchor(a, newText);
    expect(anchoredText(r, newText)).toBe("called it a gambel with public money");
  });

  it("orphans an empty quote and ignores a hint outside the text", () => {
    expect(reanchor({ start: 0, end: 0, exact: "", prefix: "", suffix: "" }, TEXT).status).toBe("orphaned");
    const a = anchorOn(TEXT, "a gamble");
    expect(reanchor(a, TEXT, { start: -4, end: TEXT.length + 9 })).toMatchObject({ status: "anchored", method: "quote" });
  });
});

describe("reanchor after random edits (property)", () => {
  it("never anchors on the wrong place, and keeps every untouched anchor by position", () => {
    const random = seeded(20240611);
    let anchored = 0;
    let orphaned = 0;
    for (let trial = 0; trial < 150; trial++) {
      const { text, blocks } = randomArticle(random);
      const words = wordRanges(text);
      const anchors = Array.from({ length: 25 }, () => randomAnchor(random, text, words));
      const edit = randomChanges(random, text, blocks);
      const result = applyChanges(text, blocks, edit.changes);
      if (!result.ok) continue;
      for (const a of anchors) {
        const hint = { start: result.map(a.start, "start"), end: result.map(a.end, "end") };
        const truths = [hint, ...edit.movedTo(a, result.text, result.map)];
        const r = reanchor(a, result.text, hint);
        const context = `trial ${trial}, anchor “${a.exact}” at ${a.start}`;
        if (!edit.changes.some((c) => c.start <= a.end && a.start <= c.end)) {
          expect(r, context).toMatchObject({ status: "anchored", method: "position" });
        }
        if (r.status === "orphaned") {
          orphaned++;
          continue;
        }
        anchored++;
        const found = result.text.slice(r.start, r.end);
        expect(isValidRange(result.text, r.start, r.end), context).toBe(true);
        if (r.method === "edited") {
          // kept on its own text as the changes left it: exactly the mapped range, most words still there
          expect({ start: r.start, end: r.end }, context).toEqual(hint);
          expect(keptWordShare(a.exact, found), context).toBeGreaterThanOrEqual(MIN_KEPT_WORDS);
          continue;
        }
        expect(r.score, context).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
        expect(found === a.exact || similarity(found, a.exact) >= MIN_QUOTE_SIMILARITY, context).toBe(true);
        if (truths.some((t) => (t.start < t.end ? r.start < t.end && t.start < r.end : r.start <= t.start && t.start <= r.end))) continue;
        // Elsewhere is acceptable only for an identical copy in the same surroundings (a duplicated
        // paragraph: indistinguishable), or, when the passage was deleted, for the twin that is left.
        const before = similarity(a.prefix, result.text.slice(Math.max(0, r.start - a.prefix.length), r.start));
        const after = similarity(a.suffix, result.text.slice(r.end, r.end + a.suffix.length));
        const gone = truths.every((t) => t.start === t.end);
        const twin = found === a.exact && Math.max(before, after) >= 0.9 && (gone || Math.min(before, after) >= 0.75);
        expect(twin, `${context} went to “${found}” at ${r.start}, expected at ${truths.map((t) => t.start).join(" or ")}`).toBe(true);
      }
    }
    // the property must not hold merely because everything was orphaned
    expect(anchored).toBeGreaterThan(orphaned * 4);
  });
});

describe("reanchor speed", () => {
  it("re-anchors 2,000 annotations on a 20,000-word text well within 100 ms", () => {
    const random = seeded(7);
    const paragraphs = Array.from({ length: 250 }, () => Array.from({ length: 80 }, () => randomWord(random)).join(" ") + ".");
    const text = paragraphs.join("\n\n");
    const blocks = paragraphs.map((p) => ({ kind: "paragraph" as const, start: text.indexOf(p), end: text.indexOf(p) + p.length }));
    const words = wordRanges(text);
    const anchors = Array.from({ length: 2000 }, () => randomAnchor(random, text, words));
    const changes = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, ...words[i * 500], replacement: i % 2 ? "" : "changed" }));
    const result = applyChanges(text, blocks, changes);
    if (!result.ok) throw new Error("conflict");

    const started = performance.now();
    const outcomes = anchors.map((a) => reanchor(a, result.text, { start: result.map(a.start, "start"), end: result.map(a.end, "end") }));
    const elapsed = performance.now() - started;

    expect(outcomes.filter((r) => r.status === "anchored" && r.method === "position").length).toBeGreaterThan(1900);
    expect(elapsed).toBeLessThan(100);
  });
});

const WORDS = Array.from({ length: 160 }, (_, i) => ["ka", "lo", "mi", "ten", "sor", "vu", "pre", "dan"][i % 8] + ["ra", "bel", "tin", "o", "sak", "mer", "ul", "ji", "den", "pa"][Math.floor(i / 8) % 10] + (i >= 80 ? "s" : ""));
const EMOJI = ["😀", "🎉", "👍", "🏆"];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const randomWord = (random: () => number) => (random() < 0.05 ? pick(random, EMOJI) : pick(random, WORDS));

function randomArticle(random: () => number): { text: string; blocks: Block[] } {
  const paragraphs = Array.from({ length: 6 }, () => Array.from({ length: 30 + Math.floor(random() * 40) }, () => randomWord(random)).join(" ") + ".");
  // duplicated passages are what makes a quote ambiguous
  if (random() < 0.3) paragraphs.splice(Math.floor(random() * 6), 0, pick(random, paragraphs));
  let text = "";
  const blocks: Block[] = [];
  for (const p of paragraphs) {
    if (text) text += "\n\n";
    blocks.push({ kind: "paragraph", start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, blocks };
}

/** Word starts and ends, so anchors and edits fall on whole words (never inside an emoji). */
function wordRanges(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^\s.]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function randomAnchor(random: () => number, text: string, words: { start: number; end: number }[]): Anchor {
  const first = Math.floor(random() * words.length);
  const last = Math.min(words.length - 1, first + Math.floor(random() * 5));
  const { start } = words[first];
  const { end } = words[last];
  return { start, end, ...quoteSelector(text, start, end) };
}

interface RandomEdit {
  changes: TextChange[];
  /** Where the part of an anchor inside the moved paragraph really is now; none when no part moved. */
  movedTo(a: Anchor, newText: string, map: (offset: number, side: "start" | "end") => number): { start: number; end: number }[];
}

function randomChanges(random: () => number, text: string, blocks: Block[]): RandomEdit {
  const words = wordRanges(text);
  const changes: TextChange[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const w = pick(random, words);
    const kind = Math.floor(random() * 6);
    const id = `c${i}`;
    if (kind === 0) changes.push({ id, ...w, replacement: randomWord(random) });
    else if (kind === 4) changes.push({ id, start: w.start, end: words[Math.min(words.indexOf(w) + 3, words.length - 1)].end, replacement: `${randomWord(random)} ${randomWord(random)}` });
    else if (kind === 5) changes.push({ id, ...pick(random, blocks), replacement: "" });
    else if (kind === 1) changes.push({ id, start: w.start, end: Math.min(w.end + 1, text.length), replacement: "" });
    else if (kind === 2) changes.push({ id, start: w.start, end: w.start, replacement: randomWord(random) + " " });
    else changes.push({ id, ...w, replacement: typo(random, text.slice(w.start, w.end)) });
  }
  if (random() < 0.3) return withMove(random, text, blocks, changes);
  return { changes, movedTo: () => [] };
}

function typo(random: () => number, word: string): string {
  if (/[\ud800-\udfff]/.test(word) || word.length < 2) return word + "x";
  const at = Math.floor(random() * word.length);
  return word.slice(0, at) + "q" + word.slice(at + 1);
}

/** Moves one whole paragraph before another: a deletion and an insertion of the same text. */
function withMove(random: () => number, text: string, blocks: Block[], others: TextChange[]): RandomEdit {
  const from = 1 + Math.floor(random() * (blocks.length - 1));
  const to = Math.floor(random() * from);
  const moved = blocks[from];
  const paragraph = text.slice(moved.start, moved.end);
  const target = blocks[to].start;
  const untouched = others.filter((c) => c.end < moved.start - 2 || c.start > moved.end).filter((c) => c.end < target || c.start > target);
  const changes = [
    ...untouched,
    { id: "move-out", start: moved.start - 2, end: moved.end, replacement: "" },
    { id: "move-in", start: target, end: target, replacement: paragraph + "\n\n" },
  ];
  return {
    changes,
    movedTo(a, newText, map) {
      const start = Math.max(a.start, moved.start);
      const end = Math.min(a.end, moved.end);
      if (start >= end) return [];
      const landed = map(target, "end");
      expect(newText.slice(landed, landed + paragraph.length)).toBe(paragraph);
      return [{ start: landed + start - moved.start, end: landed + end - moved.start }];
    },
  };
}
