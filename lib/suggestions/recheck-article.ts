import { setImmediate as nextTurn } from "node:timers/promises";
import { quoteSelector } from "@/lib/anchoring/quote-selector";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { CheckBudgetExceeded, runChecksOffThread } from "@/lib/checks/worker/run-checks-off-thread";
import { isPostgresClient, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { claimNumbers } from "@/lib/annotations/claim-numbers";
import { currentRevision, newestRevisionHead } from "@/lib/articles/current-revision";
import { lockArticle } from "@/lib/articles/lock-article";
import { listDictionaryWords } from "@/lib/dictionary/dictionary-words";
import { changedRanges, touches } from "@/lib/jobs/changed-ranges";
import { publishedHouseRules } from "@/lib/house-rules/published-rules";
import { demotedRuleIds } from "@/lib/house-rules/rule-decisions";
import { fingerprint } from "./fingerprint";
import { markInterruptedRuns } from "./check-run-status";

export interface RecheckArticleOptions {
  db: Db;
  actor: Actor;
  articleId: string;
  /** how long the checks may take; the newsroom's CHECK_BUDGET_MS unless a caller says otherwise */
  budgetMs?: number;
  /**
   * Set by the check-job runner (lib/jobs), a system path: the person was allowed to ask when the job
   * was queued, and the checks may add suggestions to an article in review (they only add marks the
   * reviewer accepts, dismisses or waives; they change no text). `onlyChanged`: keep only findings
   * in the paragraphs that differ from the previous revision (after an applied change).
   */
  job?: { onlyChanged: boolean };
}

const SUGGESTION_BATCH = 100;

export interface RecheckResult {
  checkRunId: string;
  findings: number;
  added: number;
}

/**
 * Run every check over the article's current revision and store new findings as suggestions.
 * A finding whose fingerprint the article already has — suggested, accepted, or dismissed — is
 * skipped, so re-checking never repeats a suggestion nor brings back a dismissed one.
 */
export async function recheckArticle({ db, actor, articleId, budgetMs = env.CHECK_BUDGET_MS, job }: RecheckArticleOptions): Promise<RecheckResult> {
  if (!job) {
    assertCan(actor, "checks:run");
    await assertArticleOpen(db, articleId);
  }
  const revision = await currentRevision(db, articleId);
  const scope = job?.onlyChanged ? await changedSincePrevious(db, articleId, revision) : null;
  await markInterruptedRuns(db, { articleId });
  const run = await db.checkRun.create({ data: { revisionId: revision.id, status: "running", startedById: actor.id }, select: { id: true } });
  try {
    const extraWords = (await listDictionaryWords({ db })).map((w) => w.word);
    // the newsroom's own published rules run in the same pass (decision 026); the worker caches their compiled form
    const houseRules = await publishedHouseRules(db);
    // off the request thread and within a budget: no article, however long or strange, holds up the server
    // published versions name a compiled set exactly: the checks thread compiles each set once, not per article
    const houseRulesKey = houseRules.map((r) => `${r.key}@${r.version}`).join(" ");
    const { findings, quotes } = await runChecksOffThread({ text: revision.text, blocks: revision.blocks, extraWords, houseRules, houseRulesKey }, { budgetMs });
    const demoted = await demotedRuleIds(db);
    return await db.$transaction(async (tx) => {
      // first, so no change is applied, no block relabelled and no other run writes findings on this
      // article until this commit (lockArticle); the newest revision read next stays the newest
      await lockArticle(tx, articleId);
      const newest = await newestRevisionHead(tx, articleId);
      if (newest && newest.id !== revision.id) {
        // A new revision was made while the checks ran. Their findings are about a text that is no
        // longer the article's: stored on the old revision, nobody would see them and nothing could
        // clear them, yet sign-off would wait for them. So none is kept. The new revision has its own
        // job, ordered in full when this revision's checks had not finished (enqueueChecksOfNextRevision).
        await tx.checkRun.update({
          where: { id: run.id },
          data: { status: "done", findings: findings.length, added: 0, error: `Revision ${newest.number} was made while these checks ran; its own checks replace them.`, finishedAt: new Date() },
        });
        await recordEvent(tx, {
          articleId, actorId: actor.id, action: "check", entityType: "revision", entityId: revision.id,
          after: { findings: findings.length, added: 0, superseded: newest.number, ...(job ? { by: "check job" } : {}) },
        });
        return { checkRunId: run.id, findings: findings.length, added: 0 };
      }
      const known = new Set(
        (await tx.annotation.findMany({ where: { articleId, fingerprint: { not: null } }, select: { fingerprint: true } })).map((a) => a.fingerprint),
      );
      const fresh: { f: (typeof findings)[number]; fp: string }[] = [];
      for (const f of findings) {
        if (scope && !touches(scope, f.start, f.end)) continue;
        const fp = fingerprint(f.rule, revision.text, f.start, f.end);
        if (known.has(fp)) continue; // also drops two rules' identical findings in this run
        known.add(fp);
        fresh.push({ f, fp });
      }
      if (fresh.length > 0) {
        const first = await claimNumbers(tx, articleId, fresh.length);
        const rows = fresh.map(({ f, fp }, i) => ({
          articleId,
          number: first + i,
          revisionId: revision.id,
          start: f.start,
          end: f.end,
          ...quoteSelector(revision.text, f.start, f.end),
          category: f.category,
          replacement: f.replacement,
          status: "suggested",
          source: `check:${f.rule}`,
          message: f.message,
          confidence: f.confidence,
          ruleVersion: f.ruleVersion ?? null,
          // a demoted rule's findings are shown as advisory: they hold nothing up (decision 026)
          advisory: demoted.has(f.rule),
          fingerprint: fp,
          authorId: actor.id,
        }));
        // on PostgreSQL in batches: Prisma compiles each query on this thread, and hundreds of rows in
        // one query held it for tens of milliseconds; between batches the event loop serves other
        // people's pages. On SQLite in one go: a transaction held open across turns makes every other
        // transaction on the app's one connection wait (decision 030)
        const batch = isPostgresClient(tx) ? SUGGESTION_BATCH : rows.length;
        for (let i = 0; i < rows.length; i += batch) {
          if (i > 0) await nextTurn();
          await tx.annotation.createMany({ data: rows.slice(i, i + batch) });
        }
      }
      await tx.checkRun.update({
        where: { id: run.id },
        data: { status: "done", findings: findings.length, added: fresh.length, quotes: JSON.stringify(quotes), finishedAt: new Date() },
      });
      await recordEvent(tx, {
        articleId, actorId: actor.id, action: "check", entityType: "revision", entityId: revision.id,
        after: { findings: findings.length, added: fresh.length, ...(job ? { by: "check job" } : {}) },
      });
      return { checkRunId: run.id, findings: findings.length, added: fresh.length };
    });
  } catch (e) {
    const tooLong = e instanceof CheckBudgetExceeded;
    await db.checkRun.update({
      where: { id: run.id },
      data: { status: tooLong ? "too_long" : "failed", error: String(e).slice(0, 500), finishedAt: new Date() },
    });
    if (tooLong) throw new AppError("too_long_to_check", e.message);
    throw e;
  }
}

/** The paragraphs of this revision that its predecessor did not have (all of them for revision 1). */
async function changedSincePrevious(db: Db, articleId: string, revision: Awaited<ReturnType<typeof currentRevision>>) {
  const previous = await db.revision.findFirst({
    where: { articleId, number: revision.number - 1 },
    select: { text: true, blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } } },
  });
  return previous ? changedRanges(previous, revision) : null;
}
