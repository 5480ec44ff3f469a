import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/**
 * A fresh nonce and a strict Content-Security-Policy for every page response. Next.js reads the
 * policy from the request headers to put the nonce on its scripts, so it goes on both. Pages are
 * rendered per request anyway (every one reads the session), so the nonce costs no caching.
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // JSON and downloads set their own headers (exports: app/api/_lib/export-response.ts)
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
