import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/roles";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";

/**
 * The frame of every server action: find the actor (401 without one), run the use case
 * (which checks the role itself), and turn failures into a safe ActionResult.
 */
export async function runAction<T>(fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getActor(await headers());
    if (!actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again; your input is kept.");
    return { ok: true, data: await fn(actor) };
  } catch (e) {
    unstable_rethrow(e); // let redirect()/notFound() through
    return { ok: false, error: toActionError(e) };
  }
}
