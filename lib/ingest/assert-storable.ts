import { AppError } from "@/lib/errors";
import type { ParsedArticle } from "./blocks";
import { MAX_BLOCKS, MAX_SOURCE_BYTES } from "./limits";
import { formatBytes } from "./decode-source";

/** Controls that normalisation removes (tab becomes a space); finding one means the text skipped it. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/**
 * The limits every article meets before it is previewed or stored, whichever way it came in
 * (form, REST API, CLI): one block limit, one size limit, and no control characters such as NUL.
 */
export function assertStorable(parsed: ParsedArticle): ParsedArticle {
  if (parsed.blocks.length > MAX_BLOCKS) {
    throw new AppError(
      "too_large",
      `The article has ${parsed.blocks.length.toLocaleString("en")} blocks; the limit is ${MAX_BLOCKS.toLocaleString("en")}. Is it really one article?`,
    );
  }
  // counted, not encoded: encoding a 2 MB text only to measure it allocated 2 MB on the page thread
  if (Buffer.byteLength(parsed.text, "utf8") > MAX_SOURCE_BYTES) {
    throw new AppError("too_large", `The article text is over the ${formatBytes(MAX_SOURCE_BYTES)} limit.`);
  }
  if (CONTROL.test(parsed.text)) {
    throw new AppError("bad_input", "The article text contains control characters (such as NUL); it cannot be stored.");
  }
  return parsed;
}
