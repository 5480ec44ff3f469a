import type { CheckContext } from "../context";
import { finding } from "../finding";
import type { Finding, Rule } from "../types";

/**
 * The range that deletes block `index` with one separator, so deleting it leaves its neighbours one
 * separator apart. The page-junk and duplicate-block rules delete whole blocks, often side by side (a
 * "Share this article" line, then an "Advertisement" line), and all their deletions must be acceptable
 * together: two ranges that share a separator are refused as overlapping. So every deleted block takes
 * the separator after it (up to the next block's start), except those in the run of deleted blocks that
 * ends the article: they have no kept block after them, and take the separator before them instead.
 * The ranges then tile the text between kept blocks, whatever mix of deletions is accepted.
 */
export function deletionRange(ctx: CheckContext, index: number): [number, number] {
  const { blocks } = ctx;
  const block = blocks[index];
  if (index < ctx.lastKeptBlock) return [block.start, blocks[index + 1].start];
  return [index > 0 ? blocks[index - 1].end : block.start, block.end];
}

const LABEL: Record<string, string> = { caption: "caption", headline: "headline", dek: "dek", paragraph: "paragraph", byline: "byline" };

export const duplicateBlock: Rule = {
  id: "duplicate-block",
  category: "duplicate",
  description:
    "A block repeated word for word, such as a photo caption scraped twice (alt text, then the visible caption). The copy without the credit is the one to delete.",
  examples: [
    {
      text: "Bridge reopens\n\nCrews lift a steel section at dawn\n\nCrews lift a steel section at dawn\n\nReuters\n\nThe bridge reopens in March.",
      exact: "Crews lift a steel section at dawn\n\n",
      replacement: "",
    },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    for (const [copy, kept] of ctx.duplicates) {
      const block = ctx.blocks[copy];
      const [start, end] = deletionRange(ctx, copy);
      const where = kept > copy ? "again below" : "already above";
      findings.push(finding(ctx, duplicateBlock, start, end, "", `This ${LABEL[block.kind]} appears ${where}: delete this copy.`, 0.95));
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
