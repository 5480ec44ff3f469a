import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * CSRF for API calls that a browser's session cookie authenticated: a state-changing request must
 * come from a page of this app (Sec-Fetch-Site, and Origin, naming our own origin) and carry JSON,
 * which a cross-site form or a "simple" fetch cannot send without a preflight we never answer.
 * The same promise Next.js makes for server actions; bearer-token calls carry no ambient
 * credential and skip this. A request with neither header is not from a browser (every current
 * browser sends both on a POST), so no page could have forged it: it goes through, as in Go's
 * http.CrossOriginProtection. "none" is a navigation the user started (bookmark, address bar).
 */
export function assertSameOriginWrite(req: Request, appOrigin: string): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const refused = new AppError("forbidden", "Cross-site request refused: call the API from this app's own pages, or use an API token.");
  if (site !== null && site !== "same-origin" && site !== "none") throw refused;
  if (origin !== null && origin !== appOrigin) throw refused;
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (WITH_BODY.has(req.method.toUpperCase()) && type !== "application/json") throw new AppError("unsupported_type", "Send the body as application/json.");
}
