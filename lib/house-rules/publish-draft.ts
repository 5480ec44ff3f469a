import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { houseRuleId } from "@/lib/house-style/types";
import { wroteChange } from "@/lib/review/review-rules";
import { checkExamples } from "./check-examples";
import { readSpec } from "./rule-spec";

export interface PublishDraftOptions {
  db: Db;
  actor: Actor;
  key: string;
  /** the draft's version and edit counter the publisher read: a draft saved since is not what they checked */
  version: number;
  edit: number;
}

/**
 * Publish a draft: the checks use it from the next run. Four-eyes as for changes (decision 012): the
 * draft's author and its last editor may not publish it, whatever their role (admins too, and through
 * a token issued by either). The examples run again here — a failing rule is never published.
 * The version before becomes `superseded`; a demotion of the rule ends (a new version is measured
 * afresh).
 */
export async function publishDraft({ db, actor, key, version, edit }: PublishDraftOptions): Promise<{ key: string; version: number }> {
  assertCan(actor, "house-rule:publish");
  return db.$transaction(async (tx) => {
    const rule = await tx.houseRule.findUnique({ where: { key }, select: { id: true, publishedVersion: true } });
    if (!rule) throw new AppError("not_found", `There is no house rule “${key}”.`);
    const draft = await tx.houseRuleVersion.findUnique({ where: { ruleId_version: { ruleId: rule.id, version } } });
    if (!draft || draft.status !== "draft") throw new AppError("conflict", `Version ${version} of “${key}” is not a draft any more (someone published it). Reload.`);
    if (wroteChange(actor, { authorId: draft.authorId, lastEditedById: draft.lastEditedById, lastEditIssuerId: null })) {
      throw new AppError("forbidden", "You wrote or last edited this draft: another person must publish it.");
    }
    if (draft.edit !== edit) throw new AppError("conflict", "The draft was saved again since you read it. Reload and check it before publishing.");
    const examples = checkExamples(readSpec(draft.spec));
    if (!examples.pass) throw new AppError("conflict", `This draft cannot be published: ${examples.problems.join("; ")}.`);

    const now = new Date();
    const moved = await tx.houseRuleVersion.updateMany({
      where: { id: draft.id, status: "draft", edit },
      data: { status: "published", publishedById: actor.id, publishedAt: now, examplesPass: true, exampleResults: JSON.stringify(examples.results) },
    });
    if (moved.count !== 1) throw new AppError("conflict", "Someone published or saved this draft meanwhile. Reload.");
    await tx.houseRuleVersion.updateMany({ where: { ruleId: rule.id, status: "published", version: { not: version } }, data: { status: "superseded" } });
    const ruleMoved = await tx.houseRule.updateMany({ where: { id: rule.id, publishedVersion: rule.publishedVersion }, data: { publishedVersion: version } });
    if (ruleMoved.count !== 1) throw new AppError("conflict", "Another version of this rule was published meanwhile. Reload.");
    const cleared = await tx.ruleState.updateMany({ where: { ruleId: houseRuleId(key), demotedAt: { not: null } }, data: { demotedAt: null, demotedReason: null, restoredAt: now } });
    await recordEvent(tx, {
      articleId: null, actorId: actor.id, action: "house_rule_publish", entityType: "house_rule", entityId: key,
      before: { publishedVersion: rule.publishedVersion }, after: { publishedVersion: version, author: draft.authorId, ...(cleared.count ? { demotionEnded: true } : {}) },
    });
    return { key, version };
  });
}
