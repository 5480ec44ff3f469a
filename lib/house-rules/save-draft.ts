import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import { checkExamples } from "./check-examples";
import { validateSpec } from "./rule-spec";

export interface SaveDraftOptions {
  db: Db;
  actor: Actor;
  key: string;
  /** the rule as typed: title, category, message, severity, link, body, examples (key and version are ours) */
  input: unknown;
  /** a new rule: refused when the key is taken (the editor meant another rule) */
  create?: boolean;
  /** the draft's edit counter the person saw; null when they started from the published version */
  edit?: number | null;
}

export interface SavedDraft {
  key: string;
  version: number;
  edit: number;
  examplesPass: boolean;
}

/**
 * Save a house rule's draft: validate it (a regular expression that could backtrack is refused with
 * the reason), run its examples and store their results with it, so the editor sees them after save
 * and publishing can refuse a failing rule. A rule has at most one draft, numbered as the version it
 * will become; whoever saves it becomes its last editor and may not publish it (four-eyes).
 */
export async function saveDraft({ db, actor, key, input, create = false, edit = null }: SaveDraftOptions): Promise<SavedDraft> {
  assertCan(actor, "house-rule:edit");
  return db.$transaction((tx) => writeDraft(tx, { actor, key, input, create, edit, action: "house_rule_save" }));
}

type WriteDraft = Omit<SaveDraftOptions, "db"> & { action: "house_rule_save" | "house_rule_revert" | "house_rule_import"; audit?: Record<string, unknown> };

/** The write itself, in the caller's transaction (revert and import use it too). */
export async function writeDraft(tx: Tx, { actor, key, input, create, edit = null, action, audit }: WriteDraft): Promise<SavedDraft> {
  const rule = await tx.houseRule.findUnique({
    where: { key },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, status: true, edit: true } } },
  });
  if (rule && create) throw new AppError("conflict", `A rule with the key “${key}” exists already; open it to change it.`, { key: "This key is taken." });
  if (!rule && !create) throw new AppError("not_found", `There is no house rule “${key}”.`);
  const newest = rule?.versions[0];
  const draft = newest?.status === "draft" ? newest : null;
  const version = draft ? draft.version : (newest?.version ?? 0) + 1;
  const spec: HouseRuleSpec = validateSpec(input, key, version);
  const examples = checkExamples(spec);
  const data = { spec: JSON.stringify(spec), exampleResults: JSON.stringify(examples.results), examplesPass: examples.pass, lastEditedById: actor.id };

  if (draft) {
    if (edit !== draft.edit) throw staleDraft();
    const { count } = await tx.houseRuleVersion.updateMany({ where: { id: draft.id, status: "draft", edit }, data: { ...data, edit: { increment: 1 } } });
    if (count !== 1) throw staleDraft();
  } else {
    // someone who started from the published version while another person opened a draft would overwrite it
    if (edit !== null) throw staleDraft();
    try {
      const ruleId = rule?.id ?? (await tx.houseRule.create({ data: { key, createdById: actor.id }, select: { id: true } })).id;
      await tx.houseRuleVersion.create({ data: { ...data, ruleId, version, status: "draft", authorId: actor.id } });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw staleDraft();
      throw e;
    }
  }
  const saved = { key, version, edit: draft ? draft.edit + 1 : 1, examplesPass: examples.pass };
  await recordEvent(tx, {
    articleId: null, actorId: actor.id, action, entityType: "house_rule", entityId: key,
    before: draft ? { version, edit: draft.edit } : undefined,
    after: { ...saved, ...audit },
  });
  return saved;
}

function staleDraft() {
  return new AppError("conflict", "Someone saved this rule's draft since you opened it. Your text is kept below; reload to see theirs.");
}
