import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { serializeRuleSet } from "@/lib/house-style/rule-set-file";
import { publishedHouseRules } from "./published-rules";

/** The published set (what the checks use) as a file a newsroom can keep in version control. */
export async function exportRuleSet({ db, actor, format }: { db: Db; actor: Actor; format: "yaml" | "json" }): Promise<{ filename: string; body: string; count: number }> {
  assertCan(actor, "house-rule:export");
  const rules = await publishedHouseRules(db);
  const body = serializeRuleSet(rules, format);
  await db.$transaction((tx) =>
    recordEvent(tx, { articleId: null, actorId: actor.id, action: "house_rule_export", entityType: "house_rule", entityId: "*", after: { format, rules: rules.length } }),
  );
  return { filename: `house-style.${format === "yaml" ? "yaml" : "json"}`, body, count: rules.length };
}
