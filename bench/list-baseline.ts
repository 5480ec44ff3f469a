import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The peer for issue 11's "make the list page ten times faster": the code as that issue found it
 * (commit afad4dc: the list without paging, the newest 100 articles, Prisma's groupBy for the counts,
 * a session lookup per call), built and served the way that code's own `npm start` did, measured in
 * the same run on a copy of the same database as today's code. The issue's own figure (20 req/s at
 * p50 471 ms) was measured on some machine on some day; machines of this kind differ 2–3× from day to
 * day, so only a same-run comparison says how many times faster the list became.
 *
 * It reads today's database: the migrations since then added tables and columns, rebuilt the
 * Annotation table with more indexes and replaced the Article(createdAt) index by (createdAt, id);
 * every column the old code reads is still there, and the index changes, if anything, help it.
 */
export const BASELINE_COMMIT = "afad4dc611bba44b9a9c65b36139cd08137c4ac3";

/**
 * Where the baseline's build is kept between runs: this user's cache, outside the project (inside
 * it, Next.js would take this project's folder as the baseline's root).
 */
export const BASELINE_DIR = path.join(os.homedir(), ".cache", "copydesk-bench", `baseline-${BASELINE_COMMIT.slice(0, 7)}`);

/**
 * Unpacks the baseline commit and installs its dependencies from its own lock file (from npm's cache
 * after the first time) in a folder of its own, renamed into BASELINE_DIR only once both worked; then
 * builds it there (a build is complete once Next.js wrote BUILD_ID, its last file, so a build cut
 * off is made again next time). Returns false when this checkout has no git history with that commit
 * (a source archive).
 */
export function prepareBaseline(root: string, env: NodeJS.ProcessEnv): boolean {
  if (existsSync(path.join(BASELINE_DIR, ".next", "BUILD_ID"))) return true;
  try {
    execFileSync("git", ["cat-file", "-e", `${BASELINE_COMMIT}^{commit}`], { cwd: root, stdio: "ignore" });
  } catch {
    return false;
  }
  if (!existsSync(path.join(BASELINE_DIR, "node_modules", ".package-lock.json"))) {
    const work = `${BASELINE_DIR}.${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      const archive = path.join(work, "source.tar");
      execFileSync("git", ["archive", "-o", archive, BASELINE_COMMIT], { cwd: root, stdio: "ignore" });
      execFileSync("tar", ["-xf", archive, "-C", work], { stdio: "ignore" });
      rmSync(archive);
      // its own node_modules: Turbopack does not build through a node_modules symlinked from outside
      // the project, and the baseline must run on exactly the versions it pinned
      execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: work, env, stdio: "ignore" });
      rmSync(BASELINE_DIR, { recursive: true, force: true });
      renameSync(work, BASELINE_DIR);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  rmSync(path.join(BASELINE_DIR, ".next"), { recursive: true, force: true });
  execFileSync("npx", ["next", "build"], { cwd: BASELINE_DIR, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
  return true;
}

/** The baseline's own production server (its scripts/serve.mjs, as its `npm start` ran it). */
export function startBaseline(env: NodeJS.ProcessEnv, port: number, log: number): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: BASELINE_DIR,
    env: { ...env, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
  });
}
