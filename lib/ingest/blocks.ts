import { z } from "zod";

/** The kinds of block a revision's text is divided into (architecture: domain words). */
export const BLOCK_KINDS = [
  "outlet",
  "headline",
  "dek",
  "caption",
  "credit",
  "byline",
  "paragraph",
  "junk",
] as const;

export const blockKindSchema = z.enum(BLOCK_KINDS);
export type BlockKind = z.infer<typeof blockKindSchema>;

export const BLOCK_LABELS: Record<BlockKind, string> = {
  outlet: "Outlet",
  headline: "Headline",
  dek: "Dek",
  caption: "Caption",
  credit: "Credit",
  byline: "Byline",
  paragraph: "Paragraph",
  junk: "Junk",
};

/** A typed range [start, end) of the revision text, in UTF-16 code units (JS string indices). */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface ParsedArticle {
  /** the canonical plain text: blocks separated by a blank line (caption+credit may share one line) */
  text: string;
  blocks: Block[];
}

export function blockText(text: string, block: Block): string {
  return text.slice(block.start, block.end);
}

/** The article's title for lists: its headline, else its first block, cut to a sane length. */
export function titleOf(parsed: ParsedArticle): string {
  const headline = parsed.blocks.find((b) => b.kind === "headline") ?? parsed.blocks[0];
  const raw = headline ? blockText(parsed.text, headline) : "Untitled";
  return raw.length > 200 ? raw.slice(0, 199) + "…" : raw;
}
