import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/roles";
import { requireRequestActor } from "@/lib/auth/request-actor";
import { db } from "@/lib/db";
import { AppError, isAppError, toHttpStatus } from "@/lib/errors";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response | unknown>;

/**
 * The frame of every JSON route: authenticate (token or session), run, and map failures to a JSON
 * error with the right status — 400/422 name the field, 401 unauthenticated, 403 role, 404, 409, 413.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const actor = await requireRequestActor(db, await headers());
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

/** Read a JSON body with the source size limit: 413 when larger, 400 when it is not JSON. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_SOURCE_BYTES + 64 * 1024) throw new AppError("too_large", `The request body is over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit.`);
  const text = await req.text();
  if (text.length > MAX_SOURCE_BYTES + 64 * 1024) throw new AppError("too_large", `The request body is over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed", "The body is not valid JSON.");
  }
}
