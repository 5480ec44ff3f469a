import { execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The peer for issue 11's "make the list page ten times faster": the code as that issue found it
 * (commit afad4dc: the list without paging, the newest 100 articles, Prisma's groupBy for the counts,
 * a session lookup per call), built and served the way that code's own `npm start` did, measured in
 * the same run on a copy of the same database as today's code. The issue's own figure (20 req/s at
 * p50 471 ms) was measured on some machine on some day; machines of this kind differ 2–3× from day to
 * day, so only a same-run comparison says how many times faster the list became.
 *
 * Its schema is a subset of today's (every migration since only added tables and columns), so it reads
 * today's database unchanged.
 */
export const BASELINE_COMMIT = "afad4dc611bba44b9a9c65b36139cd08137c4ac3";

/**
 * Unpacks the baseline commit into `dir`, installs its dependencies (from npm's cache after the first
 * time) and builds it. Done once per `dir`; returns false when this checkout has no git history with
 * that commit (a source archive), so the caller can say so and go on.
 */
export function prepareBaseline(root: string, dir: string, env: NodeJS.ProcessEnv): boolean {
  const done = path.join(dir, ".bench-ready");
  if (existsSync(done)) return true;
  try {
    execSync(`git cat-file -e ${BASELINE_COMMIT}^{commit}`, { cwd: root, stdio: "ignore" });
  } catch {
    return false;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${BASELINE_COMMIT} | tar -x -C ${JSON.stringify(dir)}`, { cwd: root, stdio: "ignore" });
  // its own lock file and its own node_modules: Turbopack does not build through a node_modules
  // symlinked from outside the project, and the baseline must run on exactly the versions it pinned
  execSync("npm ci --no-audit --no-fund --prefer-offline", { cwd: dir, env, stdio: "ignore" });
  execSync("npx next build", { cwd: dir, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
  writeFileSync(done, `${BASELINE_COMMIT}\n`);
  return true;
}

/** The baseline's own production server (its scripts/serve.mjs, as its `npm start` ran it). */
export function startBaseline(dir: string, env: NodeJS.ProcessEnv, port: number, log: number): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: dir,
    env: { ...env, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
  });
}
