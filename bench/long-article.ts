/**
 * A long (~20,000-word) article built deterministically from the project's sample articles, for
 * benchmarks that need more text than the samples hold. The samples' sentences are recombined into
 * paragraphs and varied word by word (seeded), so no two paragraphs, and almost no two sentences, are
 * alike: a benchmark of finding text again must not be decided by the text repeating itself, which a
 * real long article does not do. The samples' damage (typos, doubled words) is kept, as ingest keeps it.
 */
import { loadSamples } from "@/lib/checks/expected/load";

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same article on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
export const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export interface SampleWords {
  sentences: string[];
  /** lower-case words of four letters or more, for varying sentences and for editors' insertions */
  words: string[];
  /** capitalised words that are not sentence starts: names and places */
  names: string[];
}

/** The sentences and vocabulary of the samples' body paragraphs. */
export function sampleWords(): SampleWords {
  const paragraphs = loadSamples().flatMap((a) => a.parsed.blocks.filter((b) => b.kind === "paragraph").map((b) => a.parsed.text.slice(b.start, b.end)));
  // a sentence ends at . ! ? (maybe closed by a quote mark) before a space and a capital or opening quote
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?]["”’]?)\s+(?=["“A-Z])/)).filter((s) => s.split(" ").length >= 4);
  const all = sentences.join(" ");
  const words = [...new Set(all.match(/\b[a-z]{4,}\b/g) ?? [])].sort();
  const names = [...new Set(all.match(/(?<=[a-z,] )[A-Z][a-z]{2,}\b/g) ?? [])].sort();
  return { sentences, words, names };
}

/** One sample sentence with some of its words, names and numbers swapped for others. */
function vary(random: () => number, sentence: string, vocabulary: SampleWords): string {
  return sentence.replace(/\b[a-z]{4,}\b|(?<=[a-z,] )[A-Z][a-z]{2,}\b|\b\d+\b/g, (w) => {
    if (/^\d/.test(w)) return String(between(random, 2, 9_999));
    if (/^[A-Z]/.test(w)) return random() < 0.5 ? pick(random, vocabulary.names) : w;
    return random() < 0.3 ? pick(random, vocabulary.words) : w;
  });
}

/**
 * Raw text as an editor would paste it: a headline, a byline, then body paragraphs of 2–6 varied
 * sentences until `targetWords` is reached. Parse it with parseText.
 */
export function longArticle(seed = 1, targetWords = 20_000): string {
  const random = prng(seed);
  const vocabulary = sampleWords();
  const lines = ["Harbor City in review: bridges, budgets and fires", "By Marta Quiroga Ellison"];
  let words = 0;
  while (words < targetWords) {
    const count = between(random, 2, 6);
    const paragraph = Array.from({ length: count }, () => vary(random, pick(random, vocabulary.sentences), vocabulary)).join(" ");
    lines.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return lines.join("\n\n") + "\n";
}
