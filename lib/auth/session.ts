import { auth } from "./auth";
import { roleSchema, type Actor } from "./roles";

/** The signed-in user for a request's headers, or null. Framework-free: callers pass the headers. */
export async function getActor(headers: Headers): Promise<Actor | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = roleSchema.safeParse((session.user as { role?: unknown }).role);
  if (!role.success) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role: role.data };
}
