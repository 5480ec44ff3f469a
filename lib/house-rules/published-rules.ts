import type { Db } from "@/lib/db";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import { readSpec } from "./rule-spec";

/** The house rules the checks use: each rule's published version, unless an admin disabled the rule. */
export async function publishedHouseRules(db: Db): Promise<HouseRuleSpec[]> {
  const rows = await db.houseRuleVersion.findMany({
    where: { status: "published", rule: { disabledAt: null } },
    orderBy: { rule: { key: "asc" } },
    select: { spec: true },
  });
  return rows.map((r) => readSpec(r.spec));
}
