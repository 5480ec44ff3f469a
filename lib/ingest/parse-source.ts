import { assertStorable } from "./assert-storable";
import type { ParsedArticle } from "./blocks";
import { assertHasText, type SourceFormat } from "./decode-source";
import { parseHtml } from "./parse-html";
import { parseMarkdown, parseText } from "./parse-text";
import { AppError } from "@/lib/errors";

/** The one entry point every ingest path (form, upload, URL, CLI) goes through. */
export function parseSource(text: string, format: SourceFormat, url?: string): ParsedArticle {
  assertHasText(text);
  const parsed = format === "html" ? parseHtml(text, url) : format === "markdown" ? parseMarkdown(text) : parseText(text);
  if (parsed.blocks.length === 0 || parsed.text.trim().length === 0) {
    throw new AppError("empty", "No article text was found in that input.");
  }
  return assertStorable(parsed);
}
