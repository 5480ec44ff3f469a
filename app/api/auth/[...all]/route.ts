import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { withClientHeader } from "@/lib/auth/client-address";
import { env } from "@/lib/env";

const handler = toNextJsHandler(auth);

// better-auth's limiter keys on CLIENT_HEADER: set here from the connection (or the trusted proxy),
// never taken from the client
export const GET = (request: Request) => handler.GET(withClientHeader(request, env.TRUSTED_PROXY_HEADER));
export const POST = (request: Request) => handler.POST(withClientHeader(request, env.TRUSTED_PROXY_HEADER));
