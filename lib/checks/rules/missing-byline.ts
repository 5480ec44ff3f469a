import { finding } from "../finding";
import type { Rule } from "../types";

export const missingByline: Rule = {
  id: "missing-byline",
  category: "attribution",
  description: "The article names no author: no byline block.",
  examples: [{ text: "Bridge reopens in March\n\nThe bridge reopens in March, city engineers said.", exact: "Bridge reopens in March", replacement: null }],
  run(ctx) {
    if (ctx.blocks.some((b) => b.kind === "byline")) return [];
    const anchor = ctx.blocks.find((b) => b.kind === "headline") ?? ctx.blocks.find((b) => b.kind !== "junk");
    if (!anchor || anchor.end === anchor.start) return [];
    return [finding(ctx, missingByline, anchor.start, anchor.end, null, "No byline: who wrote this story?", 0.6)];
  },
};
