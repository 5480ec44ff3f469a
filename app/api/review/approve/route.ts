import { headers } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, isAppError, toHttpStatus } from "@/lib/errors";
import { approveChanges } from "@/lib/review/decide-change";

const bodySchema = z.object({
  articleId: z.string().min(1),
  decisions: z.array(z.object({ id: z.string().min(1), version: z.number().int().min(1) })).min(1).max(500),
});

/**
 * POST /api/review/approve — approve (and apply) changes, for scripts and the CMS. The same use case
 * as the review page's button, so the same rules: reviewer role, never one's own change, version guard.
 */
export async function POST(req: Request) {
  try {
    const actor = await getActor(await headers());
    if (!actor) throw new AppError("unauthenticated", "Sign in first.");
    const body = bodySchema.safeParse(await req.json().catch(() => null));
    if (!body.success) throw new AppError("bad_input", "Expected {articleId, decisions: [{id, version}]}.");
    return Response.json(await approveChanges({ db, actor, ...body.data }));
  } catch (e) {
    if (isAppError(e)) return Response.json({ error: { code: e.code, message: e.message } }, { status: toHttpStatus(e.code) });
    console.error(e);
    return Response.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
  }
}
