import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { RULES } from "@/lib/checks/rules";
import { houseRuleId } from "@/lib/house-style/types";
import { readSpec } from "./rule-spec";
import { RULE_DECISION_KINDS, type RuleDecisionKind } from "./rule-decisions";

/** Weeks of trend on the Rules page. */
export const TREND_WEEKS = 8;
const DAY = 86_400_000;

export interface TrendPoint {
  /** the week's first day, YYYY-MM-DD (UTC) */
  week: string;
  right: number;
  judged: number;
}

export interface FalseAlarm {
  id: string;
  articleId: string;
  prefix: string;
  exact: string;
  suffix: string;
  kind: string;
  at: string;
}

export interface RuleRow {
  /** "typo" or "house:<key>" */
  id: string;
  kind: "built-in" | "house";
  /** house rules: their key (the rule page's address) */
  key: string | null;
  title: string;
  category: string;
  /** house rules: the published version (precision is of it), or null while only a draft */
  version: number | null;
  draft: boolean;
  disabled: boolean;
  findings: number;
  decisions: Record<RuleDecisionKind, number>;
  /** findings of the current version judged right or wrong (each by its newest verdict) */
  right: number;
  judged: number;
  /** right ÷ judged, null before any verdict */
  precision: number | null;
  trend: TrendPoint[];
  falseAlarms: FalseAlarm[];
  demotion: { at: string; reason: string } | null;
}

const zeroKinds = () => Object.fromEntries(RULE_DECISION_KINDS.map((k) => [k, 0])) as Record<RuleDecisionKind, number>;

/**
 * Every rule, built-in and house, with what the desk decided about its findings: counts per kind,
 * precision of its current version, a weekly trend and its latest false alarms in context. A fixed
 * number of grouped queries, whatever the number of rules or decisions; `only` narrows to one rule.
 */
export async function listRuleStats({ db, actor, only, falseAlarmsPerRule = 3, now = new Date() }: { db: Db; actor: Actor; only?: string; falseAlarmsPerRule?: number; now?: Date }): Promise<RuleRow[]> {
  assertCan(actor, "rules:read");
  const house = await db.houseRule.findMany({
    where: only ? { key: only.replace(/^house:/, "") } : {},
    orderBy: { key: "asc" },
    select: { key: true, publishedVersion: true, disabledAt: true, versions: { orderBy: { version: "desc" }, take: 2, select: { status: true, spec: true } } },
  });
  const rows: RuleRow[] = [];
  // a fresh object per row: the lists are filled in place below
  const blank = () => ({ findings: 0, decisions: zeroKinds(), right: 0, judged: 0, precision: null, trend: [], falseAlarms: [] as FalseAlarm[], demotion: null, draft: false, disabled: false });
  if (!only || !only.startsWith("house:")) {
    for (const r of RULES) if (!only || only === r.id) rows.push({ ...blank(), id: r.id, kind: "built-in", key: null, title: r.description, category: r.category, version: 0 });
  }
  for (const h of house) {
    const spec = readSpec((h.versions.find((v) => v.status === "published") ?? h.versions[0]).spec);
    rows.push({
      ...blank(), id: houseRuleId(h.key), kind: "house", key: h.key, title: spec.title, category: spec.category,
      version: h.publishedVersion, draft: h.versions.some((v) => v.status === "draft"), disabled: h.disabledAt !== null,
    });
  }
  const ids = rows.map((r) => r.id);
  const byId = new Map(rows.map((r) => [r.id, r]));

  const findings = await db.annotation.groupBy({ by: ["source"], where: { source: { in: ids.map((id) => `check:${id}`) } }, _count: { _all: true } });
  for (const f of findings) byId.get(f.source.slice("check:".length))!.findings = f._count._all;

  const kinds = await db.ruleDecision.groupBy({ by: ["ruleId", "kind"], where: { ruleId: { in: ids } }, _count: { _all: true } });
  for (const k of kinds) byId.get(k.ruleId)!.decisions[k.kind as RuleDecisionKind] = k._count._all;

  const verdicts = await db.ruleDecision.groupBy({ by: ["ruleId", "ruleVersion", "verdict"], where: { ruleId: { in: ids }, current: true, verdict: { not: null } }, _count: { _all: true } });
  for (const v of verdicts) {
    const row = byId.get(v.ruleId)!;
    if (v.ruleVersion !== (row.version ?? -1)) continue;
    if (v.verdict === "right") row.right += v._count._all;
    row.judged += v._count._all;
  }

  const firstWeek = weekStart(new Date(now.getTime() - (TREND_WEEKS - 1) * 7 * DAY));
  const days = await db.ruleDecision.groupBy({
    by: ["ruleId", "day", "verdict"],
    where: { ruleId: { in: ids }, current: true, verdict: { not: null }, day: { gte: firstWeek } },
    _count: { _all: true },
  });
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => new Date(Date.parse(firstWeek) + i * 7 * DAY).toISOString().slice(0, 10));
  for (const r of rows) r.trend = weeks.map((week) => ({ week, right: 0, judged: 0 }));
  for (const d of days) {
    const point = byId.get(d.ruleId)!.trend[Math.floor((Date.parse(d.day) - Date.parse(firstWeek)) / (7 * DAY))];
    if (!point) continue;
    point.judged += d._count._all;
    if (d.verdict === "right") point.right += d._count._all;
  }

  // the newest false alarms: a bounded read, shared out per rule
  const wrong = await db.ruleDecision.findMany({
    where: { ruleId: { in: ids }, current: true, verdict: "wrong" },
    orderBy: { createdAt: "desc" },
    take: Math.min(1000, falseAlarmsPerRule * ids.length),
    select: { id: true, ruleId: true, articleId: true, prefix: true, exact: true, suffix: true, kind: true, createdAt: true },
  });
  for (const w of wrong) {
    const list = byId.get(w.ruleId)!.falseAlarms;
    if (list.length < falseAlarmsPerRule) list.push({ ...w, at: w.createdAt.toISOString() });
  }

  const states = await db.ruleState.findMany({ where: { ruleId: { in: ids }, demotedAt: { not: null } } });
  for (const s of states) byId.get(s.ruleId)!.demotion = { at: s.demotedAt!.toISOString(), reason: s.demotedReason ?? "" };

  for (const r of rows) r.precision = r.judged ? r.right / r.judged : null;
  return rows;
}

/** Monday of the week, YYYY-MM-DD (UTC). */
function weekStart(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}
