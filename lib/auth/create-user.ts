import { hashPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Role } from "./roles";

export interface CreateUserOptions {
  db: Db;
  name: string;
  email: string;
  password: string;
  role: Role;
}

/**
 * Create (or reset) a user with a credential account that better-auth can sign in.
 * Used by the seed and tests; idempotent by e-mail so `npm start` can re-seed safely.
 */
export async function createUser({ db, name, email, password, role }: CreateUserOptions) {
  const hash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  const id = existing?.id ?? randomUUID();
  const user = await db.user.upsert({
    where: { email },
    create: { id, name, email, role, emailVerified: true },
    update: { name, role },
  });
  await db.account.deleteMany({ where: { userId: id, providerId: "credential" } });
  await db.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
  return user;
}
