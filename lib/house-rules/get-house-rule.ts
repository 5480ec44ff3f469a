import { assertCan, can, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { houseRuleId, type HouseRuleSpec } from "@/lib/house-style/types";
import { wroteChange } from "@/lib/review/review-rules";
import { readSpec } from "./rule-spec";
import { userNames } from "./user-names";

export interface RuleVersionView {
  version: number;
  status: string;
  spec: HouseRuleSpec;
  examplesPass: boolean;
  exampleResults: unknown;
  edit: number;
  authorName: string;
  lastEditorName: string;
  publisherName: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One house rule for its page: every version (newest first), the draft, and what this person may do with it. */
export async function getHouseRule({ db, actor, key }: { db: Db; actor: Actor; key: string }) {
  assertCan(actor, "rules:read");
  const rule = await db.houseRule.findUnique({
    where: { key },
    select: { id: true, key: true, publishedVersion: true, disabledAt: true, createdAt: true, versions: { orderBy: { version: "desc" } } },
  });
  if (!rule) throw new AppError("not_found", `There is no house rule “${key}”.`);
  const names = await userNames(db, rule.versions.flatMap((v) => [v.authorId, v.lastEditedById, v.publishedById]));
  const versions: RuleVersionView[] = rule.versions.map((v) => ({
    version: v.version,
    status: v.status,
    spec: readSpec(v.spec),
    examplesPass: v.examplesPass,
    exampleResults: JSON.parse(v.exampleResults) as unknown,
    edit: v.edit,
    authorName: names.get(v.authorId) ?? "someone",
    lastEditorName: names.get(v.lastEditedById) ?? "someone",
    publisherName: v.publishedById ? (names.get(v.publishedById) ?? "someone") : null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  }));
  const draftRow = rule.versions.find((v) => v.status === "draft");
  const state = await db.ruleState.findUnique({ where: { ruleId: houseRuleId(key) } });
  return {
    key: rule.key,
    publishedVersion: rule.publishedVersion,
    disabled: rule.disabledAt !== null,
    versions,
    draft: versions.find((v) => v.status === "draft") ?? null,
    published: versions.find((v) => v.status === "published") ?? null,
    demotion: state?.demotedAt ? { at: state.demotedAt.toISOString(), reason: state.demotedReason ?? "" } : null,
    /** the publish button: shown disabled with this reason when the person may not publish */
    publish: publishability(actor, draftRow),
    canEdit: can(actor, "house-rule:edit"),
    canRestore: can(actor, "rule:restore"),
  };
}

function publishability(actor: Actor, draft: { authorId: string; lastEditedById: string; examplesPass: boolean } | undefined): { allowed: boolean; reason: string | null } {
  if (!draft) return { allowed: false, reason: "There is no draft to publish." };
  if (!can(actor, "house-rule:publish")) return { allowed: false, reason: `Your role (${actor.role}) may not publish house rules.` };
  if (wroteChange(actor, { authorId: draft.authorId, lastEditedById: draft.lastEditedById, lastEditIssuerId: null })) {
    return { allowed: false, reason: "You wrote or last edited this draft: another person must publish it." };
  }
  if (!draft.examplesPass) return { allowed: false, reason: "Its examples do not all pass (or it lacks a must-flag and a must-pass example)." };
  return { allowed: true, reason: null };
}
