import { env } from "@/lib/env";
import { openApiDocument } from "@/lib/api-docs/openapi";

/** GET /api/openapi.json — public: it describes the API, it holds no newsroom data. */
export function GET() {
  return Response.json(openApiDocument(env.BETTER_AUTH_URL));
}
