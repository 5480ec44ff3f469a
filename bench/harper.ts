import type { AnnotationCategory } from "@/lib/annotations/categories";
import type { Marked } from "@/lib/checks/expected/score";

/** Harper's lint kinds in our categories; the rest (grammar, agreement …) have no counterpart and count as "other". */
const CATEGORY: Record<string, AnnotationCategory> = {
  Spelling: "typo",
  Typo: "typo",
  BoundaryError: "missing_space",
  Punctuation: "punctuation",
  Formatting: "punctuation",
  Repetition: "punctuation",
  Capitalization: "style",
  Style: "style",
  Readability: "style",
  Redundancy: "style",
  WordChoice: "style",
  Enhancement: "style",
  Usage: "style",
  Nonstandard: "style",
  Regionalism: "style",
};

export interface HarperMark extends Marked {
  kind: string;
  exact: string;
}

export interface HarperChecker {
  lint(text: string): Promise<HarperMark[]>;
}

/**
 * harper.js in this process, offline: the `binaryInlined` build carries its WebAssembly as a data URL,
 * so nothing is fetched. harper.js is ESM-only, hence the dynamic imports from this CommonJS script.
 */
export async function createHarper(): Promise<HarperChecker> {
  const { LocalLinter } = await import("harper.js");
  const { binaryInlined } = await import("harper.js/binaryInlined");
  const linter = new LocalLinter({ binary: binaryInlined });
  await linter.setup();
  return {
    async lint(text) {
      const lints = await linter.lint(text, { language: "plaintext" });
      return lints.map((l) => {
        const span = l.span();
        const kind = l.lint_kind();
        return { kind, category: CATEGORY[kind] ?? "other", start: span.start, end: span.end, exact: l.get_problem_text() };
      });
    },
  };
}
