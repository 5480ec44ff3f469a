import type { Block } from "@/lib/ingest/blocks";

const TEXT_KINDS = new Set(["headline", "dek", "caption", "paragraph", "byline"]);
// ingest already normalised whitespace inside a block
const normal = (s: string) => s.trim();

/**
 * Blocks that repeat another block word for word → the index of the copy to keep. Scraped pages
 * carry an image's caption twice (alt text, then the visible caption with its credit): keep the one
 * a credit follows, otherwise the first.
 */
export function duplicateBlocks(text: string, blocks: readonly Block[]): Map<number, number> {
  const groups = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    if (!TEXT_KINDS.has(b.kind)) return;
    const key = normal(text.slice(b.start, b.end));
    if (key.length < 12) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const copies = new Map<number, number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keep = group.find((i) => blocks[i + 1]?.kind === "credit") ?? group[0];
    for (const i of group) if (i !== keep) copies.set(i, keep);
  }
  return copies;
}
