import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@/lib/errors";
import { brandedInstanceCheck } from "@/lib/process-wide";
import type { ThreadError, ThreadRequest, ThreadResponse } from "./protocol";

// the threads are one per process, thrown into whichever module graph asked (lib/process-wide.ts)
const budgetCheck = brandedInstanceCheck("ThreadBudgetExceeded");
const busyCheck = brandedInstanceCheck("ThreadBusy");

/** A run took longer than its budget and was stopped (the thread is replaced by a fresh one). */
export class ThreadBudgetExceeded extends Error {
  readonly [budgetCheck.brand] = true;
  static [Symbol.hasInstance] = budgetCheck.hasInstance;
  constructor(readonly budgetMs: number) {
    super(`stopped after ${budgetMs} ms`);
    this.name = "ThreadBudgetExceeded";
  }
}

/** Too many requests are already waiting; refusing keeps memory bounded (each holds its input). */
export class ThreadBusy extends Error {
  readonly [busyCheck.brand] = true;
  static [Symbol.hasInstance] = busyCheck.hasInstance;
  constructor() {
    super("too many requests are waiting");
    this.name = "ThreadBusy";
  }
}

interface Job<I, O> {
  input: I;
  budgetMs: number | null;
  resolve(result: O): void;
  reject(error: Error): void;
}

/**
 * Entries are resolved from the working directory, not this module: under Next this code is bundled
 * elsewhere, while the app, the CLI and the tests all run from the project root. Built at run time so
 * that Turbopack does not try to bundle the worker (it would pull in tsx and esbuild's binary).
 */
export function entryPath(...segments: string[]): string {
  return [process.cwd(), ...segments].join(path.sep);
}

/**
 * One long-lived worker thread that runs requests one at a time, in arrival order, so that work on
 * user text (parsing a 2 MB page, checking it, writing it through Prisma's query compiler) never holds
 * up the thread that answers other people's pages. A run with a budget that overruns terminates the
 * thread (V8 stops even a busy loop) and the next run starts a fresh one. An idle thread does not keep
 * the process (CLI, tests) alive. The worker side is `serveRequests` (./serve).
 */
export class SerialThread<I, O> {
  private worker: Worker | null = null;
  private spawned: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private queue: Job<I, O>[] = [];
  private busy = false;
  private nextId = 1;

  constructor(
    private readonly entry: string,
    private readonly label: string,
    private readonly maxWaiting = 100,
  ) {}

  /** Rejects with ThreadBudgetExceeded, ThreadBusy, the AppError the worker threw, or an Error. */
  run(input: I, { budgetMs = null }: { budgetMs?: number | null } = {}): Promise<O> {
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new ThreadBusy());
    return new Promise((resolve, reject) => {
      this.queue.push({ input, budgetMs, resolve, reject });
      void this.pump();
    });
  }

  /**
   * Start the thread now rather than on the first request (loading our TypeScript costs seconds of CPU
   * on a busy machine); resolves once it is ready, or has failed to start (logged; the first request
   * tries again).
   */
  warmUp(): Promise<void> {
    return this.start().then(
      (w) => {
        if (!this.busy) w.unref();
      },
      (e) => console.error(`${this.label} thread could not start`, e),
    );
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

  private async runOne(job: Job<I, O>): Promise<O> {
    const worker = await this.start();
    const id = this.nextId++;
    worker.ref();
    try {
      return await new Promise<O>((resolve, reject) => {
        const timer =
          job.budgetMs === null
            ? null
            : setTimeout(() => {
                cleanup();
                this.stop();
                reject(new ThreadBudgetExceeded(job.budgetMs!));
              }, job.budgetMs);
        const onMessage = (res: ThreadResponse<O>) => {
          if (res.id !== id) return;
          cleanup();
          if (res.ok) resolve(res.result);
          else reject(revive(res.error, this.label));
        };
        const onExit = (code: number) => {
          cleanup();
          if (this.worker === worker) this.forget();
          reject(new Error(`The ${this.label} thread stopped (exit code ${code}).`));
        };
        const cleanup = () => {
          if (timer) clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("exit", onExit);
        };
        worker.on("message", onMessage);
        worker.on("exit", onExit);
        worker.postMessage({ id, input: job.input } satisfies ThreadRequest<I>);
      });
    } finally {
      this.worker?.unref();
    }
  }

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(/* turbopackIgnore: true */ this.entry);
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
        console.error(`${this.label} thread error`, e);
        forgetThis();
        reject(e); // no effect once ready; a run in progress ends through its "exit" listener
      });
      worker.once("exit", forgetThis);
    });
    return this.ready;
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

/** The user-facing errors (AppError) cross the thread boundary whole; anything else stays a failure. */
function revive(error: ThreadError, label: string): Error {
  if (error.code) return new AppError(error.code as ErrorCode, error.message, error.fields);
  return new Error(`The ${label} thread failed: ${error.name}: ${error.message}`);
}
