import { actorForToken } from "@/lib/api-tokens/api-tokens";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "./roles";
import { getActor } from "./session";

/**
 * Who is calling an API route: a bearer token when the request carries one (a wrong or revoked
 * token is 401 even if a session cookie is also present), else the browser session.
 */
export async function requireRequestActor(db: Db, headers: Headers): Promise<Actor> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await actorForToken(db, match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is missing, malformed or revoked.");
    return actor;
  }
  const actor = await getActor(headers);
  if (!actor) throw new AppError("unauthenticated", "Send `Authorization: Bearer <token>` or sign in.");
  return actor;
}
