import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getActor } from "@/lib/auth/session";
import { can, type Actor, type Permission } from "@/lib/auth/roles";

/**
 * The signed-in actor of the request being rendered, looked up once per render: the layout (for its
 * navigation) and the page (for its permission check) ask for it, and both get the same answer. React's
 * `cache` lasts one server render of one request; a server action is not a render, so it looks the
 * session up afresh (and the render after an action's redirect is a new one).
 */
const actorOfThisRequest = cache(async (): Promise<Actor | null> => getActor(await headers()));

/** For pages: the signed-in actor, or off to the sign-in page; a missing role renders 403. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await actorOfThisRequest();
  if (!actor) redirect("/signin");
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

export async function currentActor(): Promise<Actor | null> {
  return actorOfThisRequest();
}
