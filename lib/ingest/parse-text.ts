import type { ParsedArticle } from "./blocks";
import { normalizeText, splitLines } from "./normalize";
import { parseStructure, type SourceLine } from "./parse-structure";

/** Plain text (pasted or a .txt file) → canonical text and blocks. */
export function parseText(raw: string): ParsedArticle {
  return parseStructure(splitLines(normalizeText(raw)).map((text) => ({ text })));
}

/**
 * Markdown → lines with hints: "# " is the headline, an image's alt text is a caption; other markup
 * (emphasis, link targets, quote marks) is dropped so offsets index the words an editor reads.
 */
export function parseMarkdown(raw: string): ParsedArticle {
  const lines: SourceLine[] = [];
  for (const line of splitLines(normalizeText(raw))) {
    const image = /^!\[([^\]]*)\]\([^)]*\)$/.exec(line);
    if (image) {
      if (image[1].trim()) lines.push({ text: image[1].trim(), hint: "caption" });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const text = stripInlineMarkdown(heading ? heading[2] : line.replace(/^>\s?|^[-*+]\s+/, ""));
    if (!text) continue;
    lines.push(heading?.[1] === "#" ? { text, hint: "headline" } : { text });
  }
  return parseStructure(lines);
}

function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?!\w)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .trim();
}
