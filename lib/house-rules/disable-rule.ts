import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Take a published house rule out of the checks, or put it back; its versions and measure stay. */
export async function setRuleDisabled({ db, actor, key, disabled }: { db: Db; actor: Actor; key: string; disabled: boolean }): Promise<void> {
  assertCan(actor, "house-rule:publish");
  await db.$transaction(async (tx) => {
    const { count } = await tx.houseRule.updateMany({
      where: { key, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null },
    });
    if (count !== 1) throw new AppError("conflict", `The rule “${key}” is already ${disabled ? "disabled" : "enabled"}, or does not exist. Reload.`);
    await recordEvent(tx, {
      articleId: null, actorId: actor.id, action: "house_rule_disable", entityType: "house_rule", entityId: key,
      before: { disabled: !disabled }, after: { disabled },
    });
  });
}
