import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "../context";
import { finding } from "../finding";
import type { Finding, Rule } from "../types";

/** A block's range widened by one separating blank line, so deleting it leaves the text's shape intact. */
export function withSeparator(ctx: CheckContext, block: Block): [number, number] {
  if (ctx.text.slice(block.end, block.end + 2) === "\n\n") return [block.start, block.end + 2];
  if (ctx.text.slice(block.start - 2, block.start) === "\n\n") return [block.start - 2, block.end];
  return [block.start, block.end];
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
      const [start, end] = withSeparator(ctx, block);
      const where = kept > copy ? "again below" : "already above";
      findings.push(finding(ctx, duplicateBlock, start, end, "", `This ${LABEL[block.kind]} appears ${where}: delete this copy.`, 0.95));
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
