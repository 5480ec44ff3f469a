import { execSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

/**
 * A production build of the app on its own port and database, for benchmarks that need a real server.
 * `cpu` pins the server to that one core (Linux's taskset), for runs that handicap it on purpose.
 */
export function buildAndStart({ root, env, port, distDir, cpu }: { root: string; env: NodeJS.ProcessEnv; port: number; distDir?: string; cpu?: number }): ChildProcess {
  const withDist = distDir ? { ...env, NEXT_DIST_DIR: distDir } : env;
  execSync("npx next build", { cwd: root, env: withDist, stdio: "ignore" });
  const [command, args] = cpu === undefined ? ["node", ["scripts/serve.mjs"]] : ["taskset", ["-c", String(cpu), "node", "scripts/serve.mjs"]];
  return spawn(command as string, args as string[], { cwd: root, env: { ...withDist, PORT: String(port) }, stdio: "ignore", detached: true });
}

export function stop(server: ChildProcess): void {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start at ${url}`);
}

/** Sign in over HTTP as better-auth's form does; returns the Cookie header for later requests. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/**
 * Where a server benchmark keeps its database and which port it serves on; also put into this
 * process's environment, because lib/db reads DATABASE_URL when it is first imported.
 */
export function benchSetting(name: string, port: number) {
  const ROOT = path.join(__dirname, "..");
  const OUT = path.join(ROOT, "bench", "out");
  const DB_FILE = path.join(OUT, `${name}.db`);
  const BASE = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${DB_FILE}`,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
    BETTER_AUTH_URL: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  return { ROOT, OUT, DB_FILE, PORT: port, BASE, env };
}

/** A SQLite database file with its write-ahead log: a log left behind would be replayed into a new file. */
export function removeSqliteFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}
