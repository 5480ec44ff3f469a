import { diffLines } from "diff";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readSpec, specText } from "./rule-spec";

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** What changed between two versions of a house rule, line by line over the spec as people read it. */
export async function diffRuleVersions({ db, actor, key, from, to }: { db: Db; actor: Actor; key: string; from: number; to: number }): Promise<DiffPart[]> {
  assertCan(actor, "rules:read");
  const rows = await db.houseRuleVersion.findMany({ where: { rule: { key }, version: { in: [from, to] } }, select: { version: true, spec: true } });
  const text = (v: number) => {
    const row = rows.find((r) => r.version === v);
    if (!row) throw new AppError("not_found", `“${key}” has no version ${v}.`);
    return specText(readSpec(row.spec));
  };
  // specs are bounded in size by the validator (house-style HOUSE_RULE_LIMITS), so a line diff is cheap
  return diffLines(text(from), text(to)).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
}
