/**
 * The app pages' Content-Security-Policy. Scripts run only with this response's nonce (Next.js
 * puts it on its own inline and chunk scripts) and whatever those load ('strict-dynamic'), so a
 * script or an on…= handler that slipped into the HTML does not run. Styles may be inline: React
 * style attributes and Next.js's own <style> need it, and a style cannot run code.
 * Development adds 'unsafe-eval' for React's debugging tools; production never has it.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** 128 random bits, base64: fresh for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
