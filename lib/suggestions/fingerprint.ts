import { createHash } from "node:crypto";
import { quoteSelector } from "@/lib/anchoring/quote-selector";

/** Context kept in a fingerprint, each side: enough to tell two "the the"s apart, short enough to survive nearby edits. */
const FINGERPRINT_CONTEXT = 16;

/**
 * A suggestion's identity across re-checks: rule + exact text + a little context. Offsets are left
 * out on purpose, so a dismissal still holds after text earlier in the article changed.
 */
export function fingerprint(rule: string, text: string, start: number, end: number): string {
  // quoteSelector cuts the context whole characters at a time (slicing its 32-unit context here could
  // keep half an emoji, which hashes as U+FFFD whichever emoji it was)
  const q = quoteSelector(text, start, end, FINGERPRINT_CONTEXT);
  const key = [rule, q.prefix, q.exact, q.suffix].join("\u241f");
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}
