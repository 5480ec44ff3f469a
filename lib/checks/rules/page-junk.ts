import { finding } from "../finding";
import type { Finding, Rule } from "../types";
import { deletionRange } from "./duplicate-block";

export const pageJunk: Rule = {
  id: "page-junk",
  category: "duplicate",
  description: 'Web-page furniture scraped along with the story ("Share this article", "Advertisement", a stray "tracking").',
  examples: [{ text: "Bridge reopens\n\nThe bridge reopens in March.\n\nShare this article", exact: "\n\nShare this article", replacement: "" }],
  run(ctx) {
    const findings: Finding[] = [];
    ctx.blocks.forEach((block, i) => {
      if (block.kind !== "junk") return;
      const [start, end] = deletionRange(ctx, i);
      findings.push(finding(ctx, pageJunk, start, end, "", `"${ctx.blockText(block)}" is page residue, not part of the story: delete it.`, 0.9));
    });
    return findings;
  },
};
