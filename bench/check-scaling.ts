/**
 * `npm run bench:scaling`: does every check stay linear in its input? Each hostile shape of article (one
 * endless "word", thousands of quotation marks, thousands of blocks …) is checked at sizes n, 2n, 4n
 * and 8n; a ratio near 2 between neighbouring sizes means the time doubles with the input (linear), 4
 * would mean quadratic. harper.js (Automattic's grammar checker, run as its docs run it: one `lint`
 * call per document, default options, in a worker thread so a slow call can be stopped) checks the same
 * text as the peer. This prints a table and asserts nothing: timings belong to the machine.
 *
 * Options: SCALING_BASE_KB (default 128), SCALING_CAP_S (harper's cap per call, default 20),
 * SCALING_ONLY=shape,shape.
 */
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { loadSamples } from "@/lib/checks/expected/load";
import { table } from "./table";

const BASE = Number(process.env.SCALING_BASE_KB ?? 128) * 1024;
const CAP_MS = Number(process.env.SCALING_CAP_S ?? 20) * 1000;
const FACTORS = [1, 2, 4, 8];

/** `unit` repeated to about `size` characters. */
const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
const HEAD = "Council votes on the harbor budget\n\n";

/** A pseudo-random generator with a fixed seed, so every run checks the same text. */
function seeded(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function gibberish(size: number): string {
  const next = seeded(7);
  const words: string[] = [];
  for (let n = 0; n < size; n += 9) words.push(Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(""));
  return words.join(" ");
}

function realistic(size: number): string {
  const articles = loadSamples().map((a) => a.parsed.text);
  const parts: string[] = [];
  for (let n = 0; n < size; n += parts[parts.length - 1].length + 2) parts.push(articles[parts.length % articles.length]);
  return parts.join("\n\n");
}

export const SHAPES: Record<string, { what: string; make: (size: number) => string }> = {
  "long-token": { what: "one word of letters, no spaces", make: (n) => `${HEAD}The ${repeat("abcdefghij", n)} ended.` },
  "long-wordlike": { what: "one token of dictionary words run together", make: (n) => `${HEAD}The ${repeat("theand", n)} ended.` },
  "long-mixed": { what: "one token of letters, digits and punctuation", make: (n) => `${HEAD}The ${repeat("ab1.c,d'E-f@g", n)} ended.` },
  gibberish: { what: "distinct unknown 8-letter words", make: (n) => `${HEAD}${gibberish(n)}` },
  "straight-quotes": { what: 'one block of " marks', make: (n) => `${HEAD}He said ${repeat('"', n)} ok.` },
  "curly-quotes": { what: "balanced “ ” pairs in one sentence", make: (n) => `${HEAD}Ann Lee: ${repeat("“a” ", n)}` },
  "unbalanced-quotes": { what: "“ never closed, one block", make: (n) => `${HEAD}He said ${repeat("“word ", n)}` },
  "quotes-and-names": { what: "quotes between capitalised words, one sentence", make: (n) => `${HEAD}${repeat('Ann Bo Cy Di Ed Flo said "no" to ', n)}` },
  "many-blocks": { what: "short paragraphs with a stray quote", make: (n) => HEAD + repeat('Para said "oops.\n\n', n).trim() },
  "many-sentences": { what: "short sentences with quotes", make: (n) => HEAD + repeat('"We will win," she said. The mayor spoke. ', n) },
  capitals: { what: "capitalised phrases (names, The …)", make: (n) => HEAD + repeat("at The Harbor Bridge and the Harbor Bridge, Alpha Beta Gamma ", n) },
  "mark-runs": { what: "runs of dots, spaces and .com", make: (n) => `${HEAD}He said "a" then${repeat(".", n / 3)} x${repeat(".com", n / 3)} b${repeat(" ", n / 3)}, c.` },
  realistic: { what: "the sample articles repeated", make: realistic },
};

/**
 * Each checker runs in its own worker thread, so a call past the cap can be stopped (terminating the
 * thread stops even a busy loop) and the bench goes on. The worker answers "ready" once set up and
 * warmed (first calls pay for loading dictionaries and JIT), then { ms } or { error } per text.
 */
const OURS_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
// a worker does not inherit the TypeScript loader: load through tsx, which also resolves the "@/…" paths
const tsx = require(workerData.tsx);
(async () => {
  const { parseText } = tsx.require(workerData.parseText, workerData.from);
  const { runChecks } = tsx.require(workerData.runChecks, workerData.from);
  for (let i = 0; i < 3; i++) runChecks(parseText(workerData.warmUp));
  parentPort.on("message", (text) => {
    try {
      const t0 = performance.now();
      const parsed = parseText(text);
      const t1 = performance.now();
      runChecks(parsed);
      parentPort.postMessage({ ms: performance.now() - t0, ingest: t1 - t0 });
    } catch (e) {
      parentPort.postMessage({ error: String(e && e.message ? e.message : e) });
    }
  });
  parentPort.postMessage("ready");
})();
`;

/** harper.js is ESM-only: imported by file URL. */
const HARPER_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
// a panic inside harper's WebAssembly is logged with the whole inlined binary: report it in one line instead
console.error = () => {};
(async () => {
  const { LocalLinter } = await import(workerData.index);
  const { binaryInlined } = await import(workerData.binary);
  const linter = new LocalLinter({ binary: binaryInlined });
  await linter.setup();
  for (let i = 0; i < 3; i++) await linter.lint(workerData.warmUp, { language: "plaintext" });
  parentPort.on("message", async (text) => {
    const t0 = performance.now();
    try {
      await linter.lint(text, { language: "plaintext" });
      parentPort.postMessage({ ms: performance.now() - t0 });
    } catch (e) {
      parentPort.postMessage({ error: String(e && e.message ? e.message : e).split("\\n")[0] });
    }
  });
  parentPort.postMessage("ready");
})();
`;

interface Timing {
  ms: number;
  /** ours only: the part spent parsing the raw text */
  ingest?: number;
}

/** A checker in a worker thread: a call over the cap terminates it, and the next call starts another. */
class CappedChecker {
  private worker: Worker | null = null;

  constructor(
    private readonly code: string,
    private readonly data: Record<string, string>,
  ) {}

  private async start(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(this.code, { eval: true, workerData: this.data });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => {
        worker.off("error", reject);
        resolve();
      });
      worker.once("error", reject);
    });
    return (this.worker = worker);
  }

  /** The time of one call, null when it ran past `capMs`, or the error the checker threw. */
  async run(text: string, capMs: number): Promise<Timing | Error | null> {
    const worker = await this.start();
    return new Promise<Timing | Error | null>((resolve) => {
      const done = (result: Timing | Error | null) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", restart);
        resolve(result);
      };
      const restart = (result: Error | null) => {
        void worker.terminate();
        this.worker = null;
        done(result);
      };
      const timer = setTimeout(() => restart(null), capMs);
      const onMessage = (m: Timing & { error?: string }) => (m.error === undefined ? done(m) : restart(new Error(m.error)));
      worker.on("message", onMessage).on("error", restart);
      worker.postMessage(text);
    });
  }

  stop() {
    void this.worker?.terminate();
  }
}

const kb = (s: string) => `${Math.round(Buffer.byteLength(s, "utf8") / 1024)} KB`;
const ratio = (ms: number | null, before: number | null) => (ms === null || before === null ? "" : (ms / Math.max(before, 0.1)).toFixed(2));
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

/**
 * The fastest of up to three runs (while they take under 3 s together): other work on a shared machine
 * only ever adds time, so the minimum is the steadiest estimate of what the checker itself costs.
 */
async function time(checker: CappedChecker, text: string): Promise<Timing | Error | null> {
  const runs: Timing[] = [];
  for (let spent = 0; runs.length < 3 && spent < 3_000; ) {
    const run = await checker.run(text, CAP_MS);
    if (run === null || run instanceof Error) return run;
    runs.push(run);
    spent += run.ms;
  }
  return runs.reduce((best, r) => (r.ms < best.ms ? r : best));
}

/** One checker's cells for one size: time, ratio to the previous size; once capped or failed, the larger sizes are skipped. */
class Column {
  private previous: number | null = null;
  private stopped = false;

  constructor(
    private readonly checker: CappedChecker,
    private readonly notes: Set<string>,
    private readonly label: string,
  ) {}

  async cells(shape: string, text: string): Promise<{ cells: string[]; ingest: number | null }> {
    if (this.stopped) return { cells: ["skipped", ""], ingest: null };
    const t = await time(this.checker, text);
    const ms = t && !(t instanceof Error) ? t.ms : null;
    if (t instanceof Error) this.notes.add(`${this.label} failed on ${shape} at ${kb(text)}: ${t.message.slice(0, 120)}`);
    const cells = [t === null ? `> ${CAP_MS / 1000} s` : t instanceof Error ? "error" : fmt(t.ms), ratio(ms, this.previous)];
    this.stopped = ms === null;
    this.previous = ms;
    return { cells, ingest: t && !(t instanceof Error) ? (t.ingest ?? null) : null };
  }
}

async function main() {
  const only = process.env.SCALING_ONLY?.split(",");
  const cpu = os.cpus();
  console.log(`${new Date().toISOString()} · ${cpu[0]?.model ?? "unknown CPU"} · ${cpu.length} cores · Node ${process.version}`);
  console.log(`sizes n, 2n, 4n, 8n from n = ${BASE / 1024} KB; ratio = time / time at the previous size (2 = linear, 4 = quadratic)`);
  console.log("copydesk: parseText + runChecks (of which ingest = parseText); harper.js 2.10: LocalLinter, one lint call per document, plaintext");
  console.log(`each in its own worker thread, warmed up first, capped at ${CAP_MS / 1000} s per call\n`);

  const warmUp = realistic(8_000);
  const dist = path.join(process.cwd(), "node_modules", "harper.js", "dist");
  const lib = (...p: string[]) => path.join(process.cwd(), "lib", ...p);
  const copydesk = new CappedChecker(OURS_WORKER, {
    parseText: lib("ingest", "parse-text.ts"),
    runChecks: lib("checks", "run-checks.ts"),
    from: __filename,
    tsx: require.resolve("tsx/cjs/api"),
    warmUp,
  });
  const harper = new CappedChecker(HARPER_WORKER, {
    index: pathToFileURL(path.join(dist, "index.js")).href,
    binary: pathToFileURL(path.join(dist, "binaryInlined.js")).href,
    warmUp,
  });

  const rows: Array<Array<string | number>> = [];
  const notes = new Set<string>();
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (only && !only.includes(name)) continue;
    const ours = new Column(copydesk, notes, "copydesk");
    const theirs = new Column(harper, notes, "harper.js");
    for (const factor of FACTORS) {
      const text = shape.make(BASE * factor);
      const mine = await ours.cells(name, text);
      const peer = await theirs.cells(name, text);
      rows.push([factor === 1 ? name : "", kb(text), mine.ingest === null ? "" : fmt(mine.ingest), ...mine.cells, ...peer.cells]);
    }
  }
  copydesk.stop();
  harper.stop();
  console.log(table(["shape", "size", "of which ingest ms", "copydesk ms", "ratio", "harper.js ms", "ratio"], rows));
  for (const note of notes) console.log(`\n${note}`);
  console.log("\nShapes:");
  for (const [name, shape] of Object.entries(SHAPES)) if (!only || only.includes(name)) console.log(`  ${name.padEnd(18)} ${shape.what}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
