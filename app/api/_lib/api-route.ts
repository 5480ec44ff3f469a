import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/roles";
import { requireRequestActor } from "@/lib/auth/request-actor";
import { assertSameOriginWrite } from "@/lib/auth/same-origin";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isAppError, toHttpStatus } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { readBodyBytes } from "@/lib/http/read-body-bytes";

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response | unknown>;

/**
 * The frame of every JSON route: authenticate (token or session), run, and map failures to a JSON
 * error with the right status — 400/422 name the field, 401 unauthenticated, 403 role or a
 * cross-site write on a session cookie, 404, 409, 413, 415.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const h = await headers();
      const actor = await requireRequestActor(db, h);
      // the session cookie rides along on any request the browser makes, a token never does
      if (!h.get("authorization")) assertSameOriginWrite(req, new URL(env.BETTER_AUTH_URL).origin);
      const out = await handler({ req, actor, params: await context.params });
      return out instanceof Response ? out : Response.json(out);
    } catch (e) {
      if (isAppError(e)) {
        return Response.json({ error: { code: e.code, message: e.message, fields: e.fields } }, { status: toHttpStatus(e.code) });
      }
      console.error(e);
      return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
    }
  };
}

/** Read a JSON body with the source size limit: 413 when larger, 400 when it is not JSON or not text. */
export async function readJsonBody(req: Request): Promise<unknown> {
  return parseJsonBody(new TextDecoder().decode(await readBodyBytes(req)));
}
