import { finding } from "../finding";
import type { Finding, Rule } from "../types";

export const missingCredit: Rule = {
  id: "missing-credit",
  category: "attribution",
  description: "A photo caption with no credit after it: every image needs its photographer or agency.",
  examples: [{ text: "Bridge reopens\n\nCrews lift a steel section at dawn\n\nMarta Quiroga\n\nThe bridge reopens in March.", exact: "Crews lift a steel section at dawn", replacement: null }],
  run(ctx) {
    const findings: Finding[] = [];
    ctx.blocks.forEach((block, i) => {
      if (block.kind !== "caption" || ctx.duplicates.has(i) || ctx.blocks[i + 1]?.kind === "credit") return;
      findings.push(finding(ctx, missingCredit, block.start, block.end, null, "This image has no credit.", 0.7));
    });
    return findings;
  },
};
