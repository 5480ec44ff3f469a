import type { BlockKind } from "@/lib/ingest/blocks";
import { finding } from "../finding";
import type { Rule } from "../types";

/**
 * Blocks only a web page has around its story: the site's name, photo captions and credits, share
 * buttons and other residue. Copy from a CMS or a wire API carries none of them and no byline either
 * (the author travels as metadata), so a missing byline is news only when the text shows it was taken
 * from a page, where a byline was printed and the scrape lost it (decision 023).
 */
const PAGE_FURNITURE: ReadonlySet<BlockKind> = new Set(["outlet", "caption", "credit", "junk"]);

export const missingByline: Rule = {
  id: "missing-byline",
  category: "attribution",
  description: "A story taken from a web page (it has an outlet line, photo captions or page residue) but no byline: the scrape most likely lost it.",
  examples: [
    {
      text: "Harbor Gazette harborgazette.com\n\nBridge reopens in March\n\nThe bridge reopens in March, city engineers said.",
      exact: "Bridge reopens in March",
      replacement: null,
    },
  ],
  run(ctx) {
    if (ctx.blocks.some((b) => b.kind === "byline")) return [];
    if (!ctx.blocks.some((b) => PAGE_FURNITURE.has(b.kind))) return [];
    const anchor = ctx.blocks.find((b) => b.kind === "headline") ?? ctx.blocks.find((b) => b.kind !== "junk" && b.kind !== "outlet");
    if (!anchor || anchor.end === anchor.start) return [];
    return [finding(ctx, missingByline, anchor.start, anchor.end, null, "This story came from a web page but has no byline: who wrote it?", 0.6)];
  },
};
