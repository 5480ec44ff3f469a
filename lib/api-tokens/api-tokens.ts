import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { assertCan, roleSchema, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const TOKEN_PREFIX = "cdk_";

export const tokenNameSchema = z.string().trim().min(1, "Name the token (e.g. “CMS import”).").max(100);

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Admin: a new token acting as `userId`. The plaintext is returned once and never stored. */
export async function createApiToken({ db, actor, userId, name }: { db: Db; actor: Actor; userId: string; name: string }) {
  assertCan(actor, "api-token:manage");
  const cleanName = tokenNameSchema.parse(name);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "No such user.", { userId: "Choose a user." });
    const row = await tx.apiToken.create({
      data: { name: cleanName, tokenHash: hashToken(token), prefix: token.slice(0, 10), userId, createdById: actor.id },
      select: { id: true, name: true, prefix: true },
    });
    await recordEvent(tx, { articleId: null, actorId: actor.id, action: "create_api_token", entityType: "api_token", entityId: row.id, after: { name: cleanName, userId } });
    return { ...row, token };
  });
}

export async function revokeApiToken({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  assertCan(actor, "api-token:manage");
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count !== 1) throw new AppError("not_found", "That token does not exist or is already revoked.");
    await recordEvent(tx, { articleId: null, actorId: actor.id, action: "revoke_api_token", entityType: "api_token", entityId: id });
  });
}

export async function listApiTokens({ db, actor }: { db: Db; actor: Actor }) {
  assertCan(actor, "api-token:manage");
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { name: true, email: true, role: true } }, createdBy: { select: { name: true } } },
  });
}

/** The actor a bearer token stands for, or null when it is unknown or revoked. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, createdById: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  const role = roleSchema.safeParse(row.user.role);
  if (!role.success) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const actor: Actor = { id: row.user.id, name: row.user.name, email: row.user.email, role: role.data };
  // whoever made a token for someone else can act through it: four-eyes counts them too (decision 012)
  return row.createdById === row.user.id ? actor : { ...actor, issuedById: row.createdById };
}
