import type { CheckInput, Finding, QuoteAttribution } from "@/lib/checks/types";
import { processWide } from "@/lib/process-wide";
import { entryPath, SerialThread, ThreadBudgetExceeded, ThreadBusy } from "@/lib/threads/serial-thread";

export type CheckResult = { findings: Finding[]; quotes: QuoteAttribution[] };

/** The run took longer than its budget and was stopped; the article gets a "too long" state. */
export class CheckBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`The checks stopped after ${Math.round(budgetMs / 1000)} s: the article is too long or too unusual to check.`);
    this.name = "CheckBudgetExceeded";
  }
}

/** Too many articles are already waiting; refusing keeps memory bounded (each holds its text). */
export class ChecksBusy extends Error {
  constructor() {
    super("Too many articles are waiting for their checks; try Re-check in a minute.");
    this.name = "ChecksBusy";
  }
}

/**
 * One long-lived worker thread runs the checks, one article at a time, in arrival order (decision 015);
 * at most 100 wait, each holding its text. A run over its budget ends the thread, and the next run
 * starts a fresh one.
 */
const thread = processWide("checksThread", () => new SerialThread<CheckInput, CheckResult>(entryPath("lib", "checks", "worker", "check-worker-entry.mjs"), "checks", 100));

/**
 * Start the checking thread now rather than on the first article: loading our TypeScript, the rules
 * and the dictionary takes about half a second of CPU, better spent when the server starts than
 * while it answers its first busy minute. An idle thread does not keep the process alive.
 */
export function warmUpChecksThread(): void {
  void thread.warmUp();
}

/**
 * Every automatic check over one revision, off the thread that serves requests, within a budget.
 * Rejects with CheckBudgetExceeded when the budget runs out, ChecksBusy when too many wait.
 */
export async function runChecksOffThread(input: CheckInput, { budgetMs }: { budgetMs: number }): Promise<CheckResult> {
  try {
    return await thread.run(input, { budgetMs });
  } catch (e) {
    if (e instanceof ThreadBudgetExceeded) throw new CheckBudgetExceeded(budgetMs);
    if (e instanceof ThreadBusy) throw new ChecksBusy();
    throw e;
  }
}
