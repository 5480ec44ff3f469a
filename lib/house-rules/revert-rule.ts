import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readSpec } from "./rule-spec";
import { writeDraft, type SavedDraft } from "./save-draft";

/**
 * Revert: an old version's text becomes the rule's draft (replacing an open draft the person has
 * seen, by its edit counter). Nothing is published by it: a second person still publishes the draft,
 * and the reverting person, now its last editor, may not.
 */
export async function revertRule({ db, actor, key, version, edit = null }: { db: Db; actor: Actor; key: string; version: number; edit?: number | null }): Promise<SavedDraft> {
  assertCan(actor, "house-rule:edit");
  return db.$transaction(async (tx) => {
    const old = await tx.houseRuleVersion.findFirst({ where: { rule: { key }, version }, select: { spec: true, status: true } });
    if (!old) throw new AppError("not_found", `“${key}” has no version ${version}.`);
    if (old.status === "draft") throw new AppError("bad_input", "That version is the draft itself.");
    const { key: _k, version: _v, ...input } = readSpec(old.spec);
    return writeDraft(tx, { actor, key, input, edit, action: "house_rule_revert", audit: { revertedTo: version } });
  });
}
