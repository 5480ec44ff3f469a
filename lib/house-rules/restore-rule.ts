import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * An admin puts a demoted rule (built-in or house) back into the counted checks. Its measure starts
 * again from now: only verdicts after the restore can demote it a second time.
 */
export async function restoreRule({ db, actor, ruleId }: { db: Db; actor: Actor; ruleId: string }): Promise<void> {
  assertCan(actor, "rule:restore");
  await db.$transaction(async (tx) => {
    const state = await tx.ruleState.findUnique({ where: { ruleId } });
    if (!state?.demotedAt) throw new AppError("conflict", "This rule is not demoted (someone may have restored it already). Reload.");
    const now = new Date();
    const { count } = await tx.ruleState.updateMany({
      where: { ruleId, demotedAt: state.demotedAt },
      data: { demotedAt: null, restoredAt: now, restoredById: actor.id },
    });
    if (count !== 1) throw new AppError("conflict", "This rule changed meanwhile. Reload.");
    await tx.annotation.updateMany({ where: { source: `check:${ruleId}`, status: "suggested", advisory: true }, data: { advisory: false } });
    await recordEvent(tx, {
      articleId: null, actorId: actor.id, action: "rule_restore", entityType: "rule", entityId: ruleId,
      before: { demoted: true, reason: state.demotedReason }, after: { demoted: false },
    });
  });
}
