import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { isAuthEndpoint } from "@/lib/auth/auth-endpoints";
import { withClientHeader } from "@/lib/auth/client-address";
import { env } from "@/lib/env";

const handler = toNextJsHandler(auth);

// Unknown paths end here, before better-auth's limiter would store a counter for each one. Known
// ones go on with CLIENT_HEADER set from the connection (or the trusted proxy), never from the client.
const handle = (method: "GET" | "POST") => (request: Request) =>
  isAuthEndpoint(new URL(request.url).pathname)
    ? handler[method](withClientHeader(request, env.TRUSTED_PROXY_HEADER))
    : Response.json({ message: "Not found" }, { status: 404 });

export const GET = handle("GET");
export const POST = handle("POST");
