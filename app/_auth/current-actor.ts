import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can, type Actor, type Permission } from "@/lib/auth/roles";

/** For pages: the signed-in actor, or off to the sign-in page; a missing role renders 403. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor(await headers());
  if (!actor) redirect("/signin");
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

export async function currentActor(): Promise<Actor | null> {
  return getActor(await headers());
}
