import { auth } from "./auth";

/** where Next.js mounts better-auth (app/api/auth/[...all]/route.ts) */
const BASE = "/api/auth";

/**
 * better-auth's endpoints as patterns ("/reset-password/:token" → one segment), less those switched
 * off. better-auth's limiter counts a request before it looks for the endpoint, so every made-up path
 * would add a row to its table: the route answers those 404 itself (decision 035).
 */
const ENDPOINTS: RegExp[] = Object.values(auth.api as Record<string, { path?: unknown }>)
  .map((endpoint) => endpoint.path)
  .filter((path): path is string => typeof path === "string" && !(auth.options.disabledPaths ?? []).includes(path))
  .map((path) => new RegExp(`^${BASE}${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`));

/** Whether a request path names one of better-auth's endpoints. */
export function isAuthEndpoint(pathname: string): boolean {
  return ENDPOINTS.some((pattern) => pattern.test(pathname));
}
