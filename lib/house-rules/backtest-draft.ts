import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { backtestRule, type BacktestMatchInContext } from "@/lib/house-style/backtest";
import { readSpec } from "./rule-spec";

/** Articles read per page: bounds the texts held in memory at once (an article is at most 2 MB). */
const PAGE = 50;
/** The whole backtest's time budget; what it did not reach is reported as not covered. */
export const BACKTEST_BUDGET_MS = 5_000;
/** Matches shown; the counts go on past them. */
export const BACKTEST_MAX_SHOWN = 500;

/** one match in context, as the engine's backtest gives it */
export type BacktestMatch = BacktestMatchInContext;

export interface BacktestReport {
  key: string;
  version: number;
  matches: BacktestMatch[];
  counts: { docs: number; docsWithMatches: number; matches: number; articles: number };
  /** the budget or the match cap ran out: counts are a lower bound */
  truncated: boolean;
  ms: number;
}

/**
 * Run one version of a house rule (normally the draft) over the current revision of every stored
 * article, newest first, page by page within a time budget, so its author sees the false alarms
 * before the desk does. Every match comes with its context.
 */
export async function backtestVersion({ db, actor, key, version, budgetMs = BACKTEST_BUDGET_MS }: { db: Db; actor: Actor; key: string; version: number; budgetMs?: number }): Promise<BacktestReport> {
  assertCan(actor, "house-rule:edit");
  const row = await db.houseRuleVersion.findFirst({ where: { rule: { key }, version }, select: { spec: true } });
  if (!row) throw new AppError("not_found", `“${key}” has no version ${version}.`);
  const spec = readSpec(row.spec);
  const started = Date.now();
  const articles = await db.article.count();
  const report: BacktestReport = { key, version, matches: [], counts: { docs: 0, docsWithMatches: 0, matches: 0, articles }, truncated: false, ms: 0 };
  let cursor: string | undefined;
  for (;;) {
    const left = budgetMs - (Date.now() - started);
    if (left <= 0) {
      report.truncated = report.counts.docs < articles;
      break;
    }
    const page = await db.article.findMany({
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, title: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { text: true } } },
    });
    if (page.length === 0) break;
    cursor = page.at(-1)!.id;
    const docs = page.flatMap((a) => (a.revisions[0] ? [{ id: a.id, title: a.title, text: a.revisions[0].text }] : []));
    const part = backtestRule(spec, docs, { budgetMs: left, maxMatches: BACKTEST_MAX_SHOWN - report.matches.length });
    report.counts.docs += part.counts.docs;
    report.counts.docsWithMatches += part.counts.docsWithMatches;
    report.counts.matches += part.counts.matches;
    report.matches.push(...part.matches);
    if (part.truncated) report.truncated = true;
    if (part.truncated || page.length < PAGE) break;
  }
  if (report.counts.matches > report.matches.length) report.truncated = true;
  report.ms = Date.now() - started;
  await db.$transaction((tx) =>
    recordEvent(tx, {
      articleId: null, actorId: actor.id, action: "house_rule_backtest", entityType: "house_rule", entityId: key,
      after: { version, ...report.counts, truncated: report.truncated, ms: report.ms },
    }),
  );
  return report;
}
