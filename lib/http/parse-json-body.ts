import { AppError } from "@/lib/errors";

/**
 * JSON text → value, refusing what no later step should have to handle: text that is not JSON
 * (400) and strings holding an unpaired UTF-16 surrogate ("\ud800" is valid JSON but not text:
 * it cannot be stored as UTF-8 or cut safely), also 400. Refused rather than replaced with U+FFFD
 * because an API client that sends it has a bug it should hear about, and a silent replacement
 * would change the text someone is proposing as a correction.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("malformed", "The body is not valid JSON.");
  }
  const path = findLoneSurrogate(value);
  if (path !== null) {
    throw new AppError("malformed", `The body holds an unpaired UTF-16 surrogate (a \\uD800–\\uDFFF escape without its pair) at ${path.slice(0, 200) || "the top level"}.`);
  }
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where the first string (value or key) with a lone surrogate is, as a JSON path; else null. */
function findLoneSurrogate(root: unknown): string | null {
  // an explicit stack: a body nested thousands deep must not overflow ours
  const stack: [unknown, string][] = [[root, ""]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (LONE_SURROGATE.test(k)) return `${path}.<key>`;
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return null;
}
