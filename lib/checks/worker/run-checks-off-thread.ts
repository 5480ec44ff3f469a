import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CheckInput, Finding, QuoteAttribution } from "@/lib/checks/types";
import type { CheckRequest, CheckResponse } from "./protocol";

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

const MAX_WAITING = 100;

interface Job {
  input: CheckInput;
  budgetMs: number;
  resolve(result: CheckResult): void;
  reject(error: Error): void;
}

// Resolved from the working directory, not this module: under Next this code is bundled elsewhere,
// while the app, the CLI and the tests all run from the project root. Built at run time so that
// Turbopack does not try to bundle the worker (it would pull in tsx and esbuild's binary); the
// worker loads our TypeScript through tsx like the CLI does.
const ENTRY = [process.cwd(), "lib", "checks", "worker", "check-worker-entry.mjs"].join(path.sep);

/**
 * One long-lived worker thread runs the checks, one article at a time, in arrival order. Each run has
 * a time budget; a run over it terminates the thread (V8 stops even a busy loop) and the next run
 * starts a fresh one. A thread that is idle does not keep the process (CLI, tests) alive.
 */
class CheckThread {
  private worker: Worker | null = null;
  private spawned: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private queue: Job[] = [];
  private busy = false;
  private nextId = 1;

  run(input: CheckInput, budgetMs: number): Promise<CheckResult> {
    if (this.queue.length >= MAX_WAITING) return Promise.reject(new ChecksBusy());
    return new Promise((resolve, reject) => {
      this.queue.push({ input, budgetMs, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    try {
      job.resolve(await this.runOne(job));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private async runOne(job: Job): Promise<CheckResult> {
    const worker = await this.start();
    const id = this.nextId++;
    worker.ref();
    try {
      return await new Promise<CheckResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          this.stop();
          reject(new CheckBudgetExceeded(job.budgetMs));
        }, job.budgetMs);
        const onMessage = (res: CheckResponse) => {
          if (res.id !== id) return;
          cleanup();
          if (res.ok) resolve(res.result);
          else reject(new Error(`A check failed: ${res.error}`));
        };
        const onExit = (code: number) => {
          cleanup();
          if (this.worker === worker) this.forget();
          reject(new Error(`The checks' thread stopped (exit code ${code}).`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("exit", onExit);
        };
        worker.on("message", onMessage);
        worker.on("exit", onExit);
        worker.postMessage({ id, input: job.input } satisfies CheckRequest);
      });
    } finally {
      this.worker?.unref();
    }
  }

  /** The running thread, or a new one once it has loaded the rules and dictionary (~0.5 s cold). */
  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(/* turbopackIgnore: true */ ENTRY);
    // only this thread's own end may clear the slot: a terminated one exits after its successor started
    const forgetThis = () => {
      if (this.spawned === worker) this.forget();
    };
    this.spawned = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      const onReady = (m: unknown) => {
        if (!(m && typeof m === "object" && "ready" in m)) return;
        worker.off("message", onReady);
        this.worker = worker;
        resolve(worker);
      };
      worker.on("message", onReady);
      worker.on("error", (e) => {
        console.error("checks worker error", e);
        forgetThis();
        reject(e); // no effect once ready; a run in progress ends through its "exit" listener
      });
      worker.once("exit", forgetThis);
    });
    return this.ready;
  }

  warmUp(): void {
    this.start().then(
      (w) => {
        if (!this.busy) w.unref();
      },
      (e) => console.error("checks worker could not start", e),
    );
  }

  private stop(): void {
    const w = this.worker;
    this.forget();
    void w?.terminate();
  }

  private forget(): void {
    this.worker = null;
    this.spawned = null;
    this.ready = null;
  }
}

const thread = new CheckThread();

/**
 * Start the checking thread now rather than on the first article: loading our TypeScript, the rules
 * and the dictionary takes about half a second of CPU, better spent when the server starts than
 * while it answers its first busy minute. An idle thread does not keep the process alive.
 */
export function warmUpChecksThread(): void {
  thread.warmUp();
}

/**
 * Every automatic check over one revision, off the thread that serves requests, within a budget.
 * Rejects with CheckBudgetExceeded when the budget runs out, ChecksBusy when too many wait.
 */
export function runChecksOffThread(input: CheckInput, { budgetMs }: { budgetMs: number }): Promise<CheckResult> {
  return thread.run(input, budgetMs);
}
