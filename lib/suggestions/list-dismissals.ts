import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

/** Admin view: every dismissed suggestion in the newsroom, newest first, with its article. */
export async function listDismissals({ db, actor, take = 200 }: { db: Db; actor: Actor; take?: number }) {
  assertCan(actor, "dismissal:undo");
  return db.annotation.findMany({
    where: { status: "dismissed" },
    orderBy: { updatedAt: "desc" },
    take,
    select: {
      id: true, version: true, exact: true, source: true, message: true, category: true, updatedAt: true,
      article: { select: { id: true, title: true } },
    },
  });
}
