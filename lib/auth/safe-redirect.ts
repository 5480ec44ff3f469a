/**
 * Where to send the browser after sign-in: `next` only when it is a path on this site, else "/".
 * Browsers read "\" as "/" and drop tabs and newlines inside URLs, so "/\evil.example" and
 * "/\t/evil.example" leave the site although they start with one slash: those are refused before
 * the URL parser (which would agree with the browser only for some of them) gets a say.
 */
export function safeRedirectPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  // control characters (C0, DEL, C1) and backslashes anywhere: a browser may rewrite them
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return fallback;
  const base = "http://copydesk.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return url.pathname + url.search + url.hash;
}
