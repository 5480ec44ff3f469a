import type { CheckContext } from "../context";
import { finding } from "../finding";
import type { Finding, Rule } from "../types";

// each pattern starts with the mark itself so the engine can skip ahead to it; what must come before
// the mark is checked in code (`before`). The one look-behind, "not after a space", only starts a try
// where a run of spaces starts: without it a long run cost one try per space, each reading the run.
// Doubled spaces are not reported (decision 023): every page and export the story is read in shows one
// space, and a fifth of clean published news carries them from its HTML, so they only cost attention.
const CHECKS: Array<{ re: RegExp; before: RegExp; fix: (m: string) => string; message: string; widen: boolean }> = [
  { re: /(?<![ \t])[ \t]+[,;:!?](?=[\s"”’)]|$)/gu, before: /[\p{L}\p{N}"”’)]/u, fix: (m) => m.replace(/[ \t]+/, ""), message: "A space before the punctuation mark.", widen: true },
  { re: /[,;]\p{L}/gu, before: /\p{L}/u, fix: (m) => `${m[0]} ${m.slice(1)}`, message: "No space after the punctuation mark.", widen: true },
];
const LETTER = /[\p{L}\p{N}]/u;

function touchesProtected(ctx: CheckContext, start: number, end: number): boolean {
  return ctx.tokensBetween(start - 64, end + 64).some((t) => t.protected && t.start < end && t.end > start);
}

export const punctuationSpacing: Rule = {
  id: "punctuation-spacing",
  category: "punctuation",
  description: "A space before a comma or other mark, or none after a comma or semicolon.",
  examples: [
    { text: "The board met on Monday , and voted.", exact: "Monday ,", replacement: "Monday," },
    { text: "The board met on Monday,and voted.", exact: "Monday,and", replacement: "Monday, and" },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    for (const block of ctx.proseBlocks) {
      const body = ctx.blockText(block);
      for (const { re, before, fix, message, widen } of CHECKS) {
        for (const m of body.matchAll(re)) {
          if (m.index === 0 || !before.test(body[m.index - 1])) continue;
          // widen to the words either side, so the editor sees "Monday ," rather than " ,"
          let from = m.index;
          let to = from + m[0].length;
          if (widen) {
            while (from > 0 && LETTER.test(body[from - 1])) from--;
            while (to < body.length && LETTER.test(body[to])) to++;
          }
          const start = block.start + from;
          const end = block.start + to;
          if (touchesProtected(ctx, start, end)) continue;
          const exact = body.slice(from, to);
          const fixed = exact.slice(0, m.index - from) + fix(m[0]) + exact.slice(m.index - from + m[0].length);
          findings.push(finding(ctx, punctuationSpacing, start, end, fixed, message, 0.85));
        }
      }
    }
    return findings;
  },
};
