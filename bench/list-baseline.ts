import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { preparePeerApp } from "./peer-app";

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
 * Unpacks the baseline commit, installs its dependencies from its own lock file (`npm ci`: exactly the
 * versions it pinned) and builds it, once (bench/peer-app.ts). Returns false when this checkout has no
 * git history with that commit (a source archive).
 */
export function prepareBaseline(root: string, env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync("git", ["cat-file", "-e", `${BASELINE_COMMIT}^{commit}`], { cwd: root, stdio: "ignore" });
  } catch {
    return existsSync(path.join(BASELINE_DIR, ".next", "BUILD_ID"));
  }
  const fill = (work: string) => {
    const archive = path.join(work, "source.tar");
    execFileSync("git", ["archive", "-o", archive, BASELINE_COMMIT], { cwd: root, stdio: "ignore" });
    execFileSync("tar", ["-xf", archive, "-C", work], { stdio: "ignore" });
    rmSync(archive);
  };
  preparePeerApp(BASELINE_DIR, env, fill, ["ci"]);
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
