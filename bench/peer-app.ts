import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A Next.js app that a benchmark serves beside ours as its peer, kept in `dir` (outside the project,
 * where Next.js would take this project's folder as its root) between runs. `fill` writes its sources
 * into a folder of its own and npm installs its dependencies there (`npm <install>`, from npm's cache
 * after the first time; its own node_modules, since Turbopack does not build through one symlinked from
 * outside); only once both worked is it renamed into `dir`. Then it is built with its own Next.js,
 * unless a complete build is there (Next.js writes BUILD_ID last, so a build cut off is made again).
 */
export function preparePeerApp(dir: string, env: NodeJS.ProcessEnv, fill: (work: string) => void, install: string[]): void {
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  if (!existsSync(path.join(dir, "node_modules", ".package-lock.json"))) {
    const work = `${dir}.${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      fill(work);
      execFileSync("npm", [...install, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: work, env, stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
      renameSync(work, dir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  rmSync(path.join(dir, ".next"), { recursive: true, force: true });
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
}
