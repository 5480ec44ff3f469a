import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import type { AnnotationAction } from "@/lib/workflow/rules";

/**
 * Every decision on a machine finding, per rule and version (decision 026). `not_now` is counted but
 * says nothing of the rule; the others are verdicts. Precision counts each finding once, by its newest
 * verdict (an editor's accept then a reviewer's reject is one false alarm, not one of each).
 */
export const RULE_DECISION_KINDS = ["accepted", "approved", "waived", "not_now", "wrong", "rejected"] as const;
export type RuleDecisionKind = (typeof RULE_DECISION_KINDS)[number];

const VERDICT: Record<RuleDecisionKind, "right" | "wrong" | null> = {
  accepted: "right",
  approved: "right",
  // a waiver says "seen, right, and we publish anyway" (decision 016)
  waived: "right",
  not_now: null,
  wrong: "wrong",
  rejected: "wrong",
};

/** Demotion (issue 12): precision under this share … */
export const DEMOTE_BELOW = 0.5;
/** … after at least this many findings judged … */
export const DEMOTE_AFTER = 30;
/**
 * … and the same holds without the verdicts of any one person: whoever is left out, at least this
 * many findings judged by the others, under DEMOTE_BELOW of them right. Precision is the desk's verdict:
 * one person who planted an article full of one rule's findings and called each wrong could otherwise
 * demote the rule for the whole newsroom (its open findings everywhere no longer holding approval up),
 * or with one colleague's single click.
 */
export const DEMOTE_AFTER_OTHERS = 10;

/** "check:typo" → "typo", "check:house:email" → "house:email"; null for a person's mark. */
export function ruleIdOfSource(source: string): string | null {
  return source.startsWith("check:") ? source.slice("check:".length) : null;
}

type Mark = { id: string; articleId: string; source: string; status: string; ruleVersion: number | null };

/** Which decision an annotation transition is, for the rule that found the mark; null when it is none. */
export function ruleDecisionKind(mark: Pick<Mark, "source" | "status">, action: AnnotationAction, dismissReason?: "not_now" | "wrong"): RuleDecisionKind | "retract" | null {
  if (!ruleIdOfSource(mark.source)) return null;
  switch (action) {
    case "accept": return "accepted";
    case "dismiss": return dismissReason === "wrong" ? "wrong" : "not_now";
    case "approve": return "approved";
    case "reject": return "rejected";
    case "waive": return "waived";
    // an admin took a dismissal back: it no longer counts
    case "undo_dismissal": return "retract";
    default: return null;
  }
}

/**
 * Record one decision in the caller's transaction, make it the finding's current one, and demote the
 * rule when its measured precision has fallen under the threshold.
 */
export async function recordRuleDecision(tx: Tx, { mark, kind, actorId }: { mark: Pick<Mark, "id">; kind: RuleDecisionKind | "retract"; actorId: string }): Promise<void> {
  const row = await tx.annotation.findUniqueOrThrow({
    where: { id: mark.id },
    select: { articleId: true, source: true, ruleVersion: true, exact: true, prefix: true, suffix: true },
  });
  const ruleId = ruleIdOfSource(row.source);
  if (!ruleId) return;
  await tx.ruleDecision.updateMany({ where: { annotationId: mark.id, current: true }, data: { current: false } });
  if (kind === "retract") return;
  const now = new Date();
  const ruleVersion = row.ruleVersion ?? 0;
  await tx.ruleDecision.create({
    data: {
      ruleId, ruleVersion, kind, verdict: VERDICT[kind], day: now.toISOString().slice(0, 10), annotationId: mark.id, articleId: row.articleId,
      exact: row.exact, prefix: row.prefix, suffix: row.suffix, actorId, createdAt: now,
    },
  });
  if (VERDICT[kind] !== null) await demoteIfImprecise(tx, ruleId, ruleVersion, now);
}

/** Right and judged findings of one rule version, counting only verdicts given after `since` (a restore). */
export async function judgedCounts(tx: Tx, ruleId: string, ruleVersion: number, since: Date | null) {
  const groups = await tx.ruleDecision.groupBy({
    by: ["verdict"],
    where: { ruleId, ruleVersion, current: true, verdict: { not: null }, ...(since ? { createdAt: { gt: since } } : {}) },
    _count: { _all: true },
  });
  const right = groups.find((g) => g.verdict === "right")?._count._all ?? 0;
  const wrong = groups.find((g) => g.verdict === "wrong")?._count._all ?? 0;
  return { right, judged: right + wrong };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Demote a rule to advisory when, since it was last restored, at least DEMOTE_AFTER findings of its
 * current version were judged and under DEMOTE_BELOW of them were right. Its open suggestions become
 * advisory (shown, holding nothing up) and new ones are stored so until an admin restores it.
 */
async function demoteIfImprecise(tx: Tx, ruleId: string, ruleVersion: number, now: Date): Promise<void> {
  const state = await tx.ruleState.findUnique({ where: { ruleId } });
  if (state?.demotedAt && state.demotedVersion === ruleVersion) return;
  const since = state?.restoredAt ?? null;
  const { right, judged } = await judgedCounts(tx, ruleId, ruleVersion, since);
  if (judged < DEMOTE_AFTER || right / judged >= DEMOTE_BELOW) return;
  if (!(await impreciseWithoutAnyOneJudge(tx, ruleId, ruleVersion, since))) return;
  const reason =
    `Right on ${right} of ${judged} findings judged (${pct(right / judged)})${ruleVersion ? ` for version ${ruleVersion}` : ""}` +
    `${state?.restoredAt ? " since it was restored" : ""}: under ${pct(DEMOTE_BELOW)} after ${DEMOTE_AFTER} or more.`;
  await tx.ruleState.upsert({
    where: { ruleId },
    create: { ruleId, demotedAt: now, demotedVersion: ruleVersion, demotedReason: reason },
    update: { demotedAt: now, demotedVersion: ruleVersion, demotedReason: reason },
  });
  await tx.annotation.updateMany({ where: { source: `check:${ruleId}`, status: "suggested" }, data: { advisory: true } });
  await recordEvent(tx, {
    articleId: null, actorId: null, action: "rule_demote", entityType: "rule", entityId: ruleId,
    before: { demoted: false }, after: { demoted: true, version: ruleVersion, right, judged, reason },
  });
}

/**
 * Whether the rule is under DEMOTE_BELOW on DEMOTE_AFTER_OTHERS or more verdicts whichever one judge's
 * verdicts are left out: leaving out only the busiest would let someone with fewer verdicts than an
 * honest colleague decide alone.
 */
async function impreciseWithoutAnyOneJudge(tx: Tx, ruleId: string, ruleVersion: number, since: Date | null): Promise<boolean> {
  const groups = await tx.ruleDecision.groupBy({
    by: ["actorId", "verdict"],
    where: { ruleId, ruleVersion, current: true, verdict: { not: null }, ...(since ? { createdAt: { gt: since } } : {}) },
    _count: { _all: true },
  });
  const byJudge = new Map<string, { right: number; judged: number }>();
  for (const g of groups) {
    const j = byJudge.get(g.actorId ?? "") ?? { right: 0, judged: 0 };
    j.judged += g._count._all;
    if (g.verdict === "right") j.right += g._count._all;
    byJudge.set(g.actorId ?? "", j);
  }
  let right = 0;
  let judged = 0;
  for (const j of byJudge.values()) {
    right += j.right;
    judged += j.judged;
  }
  return [...byJudge.values()].every((left) => {
    const others = judged - left.judged;
    return others >= DEMOTE_AFTER_OTHERS && (right - left.right) / others < DEMOTE_BELOW;
  });
}

/** The rules whose new suggestions are stored as advisory (publishing a new version clears a house rule's demotion). */
export async function demotedRuleIds(tx: Tx): Promise<Set<string>> {
  const rows = await tx.ruleState.findMany({ where: { demotedAt: { not: null } }, select: { ruleId: true } });
  return new Set(rows.map((r) => r.ruleId));
}
