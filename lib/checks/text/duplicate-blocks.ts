import type { Block } from "@/lib/ingest/blocks";

const TEXT_KINDS = new Set(["headline", "dek", "caption", "paragraph", "byline"]);
// ingest already normalised whitespace inside a block
const normal = (s: string) => s.trim();

/**
 * How many blocks apart two identical paragraphs may be and still be one scraped twice. A scrape
 * doubles a paragraph next to itself or across a caption, or copies a whole stretch (then the
 * neighbours repeat too); a live blog repeats a standing line ("It takes 1,237 delegates to win")
 * update after update, far apart and on purpose.
 */
export const PARAGRAPH_COPY_REACH = 4;

/**
 * Blocks that repeat another block word for word → the index of the copy to keep. Scraped pages
 * carry an image's caption twice (alt text, then the visible caption with its credit): keep the one
 * a credit follows, otherwise the first. Paragraphs count only within PARAGRAPH_COPY_REACH of each other.
 */
export function duplicateBlocks(text: string, blocks: readonly Block[]): Map<number, number> {
  const groups = new Map<string, number[]>();
  const keys: Array<string | null> = blocks.map((b, i) => {
    if (!TEXT_KINDS.has(b.kind)) return null;
    const key = normal(text.slice(b.start, b.end));
    if (key.length < 12) return null;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
    return key;
  });
  // two copies far apart are still a scrape's when a neighbour repeats with them: a whole stretch copied
  const sameNeighbour = (i: number, j: number | undefined) =>
    j !== undefined && ((keys[i + 1] != null && keys[i + 1] === keys[j + 1]) || (keys[i - 1] != null && keys[i - 1] === keys[j - 1]));
  const scraped = (group: number[], i: number, k: number) =>
    group[k - 1] >= i - PARAGRAPH_COPY_REACH || group[k + 1] <= i + PARAGRAPH_COPY_REACH || sameNeighbour(i, group[k - 1]) || sameNeighbour(i, group[k + 1]);
  const copies = new Map<number, number>();
  for (let group of groups.values()) {
    if (group.length < 2) continue;
    if (blocks[group[0]].kind === "paragraph") group = group.filter((i, k) => scraped(group, i, k));
    if (group.length < 2) continue;
    const keep = group.find((i) => blocks[i + 1]?.kind === "credit") ?? group[0];
    for (const i of group) if (i !== keep) copies.set(i, keep);
  }
  return copies;
}
