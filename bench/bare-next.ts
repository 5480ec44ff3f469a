import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { preparePeerApp } from "./peer-app";

/**
 * The framework's own floor, for issue 11's "say what bounds each page": a Next.js app with nothing
 * in it but one dynamically rendered page (a heading and the time, `connection()` so it renders per
 * request as every page of ours does), on the same versions of Next.js and React as this project,
 * built with `next build` and served with `next start`, as Next.js's own documentation runs
 * production. No proxy, no session, no database, no CSS: what any per-request page of this stack costs
 * before it does anything of its own. Ten times the old list leaves a budget per request; this row
 * says whether any page rendered by the fixed stack fits in it on the machine of the run.
 */
export function frameworkVersions(root: string): Record<"next" | "react" | "react-dom", string> {
  const version = (name: string) => (JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return { next: version("next"), react: version("react"), "react-dom": version("react-dom") };
}

const FILES: Record<string, string> = {
  // JavaScript, so that Next.js does not install TypeScript of its own accord (and refuses to under CI)
  "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { connection } from "next/server";

export default async function Page() {
  await connection();
  return (
    <main>
      <h1>Hello</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
`,
};

/** Where the bare app is kept between runs (outside the project, where Next.js would take this project as its root). */
export function bareNextDir(root: string): string {
  const v = frameworkVersions(root);
  return path.join(os.homedir(), ".cache", "copydesk-bench", `bare-next-${v.next}-react-${v.react}-${v["react-dom"]}`);
}

/** Writes the bare app, installs exactly this project's Next.js and React and builds it, once (bench/peer-app.ts). Returns its folder. */
export function prepareBareNext(root: string, env: NodeJS.ProcessEnv): string {
  const dir = bareNextDir(root);
  const fill = (work: string) => {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      writeFileSync(path.join(work, file), text);
    }
    writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "bare-next", private: true, dependencies: frameworkVersions(root) }, null, 2));
  };
  preparePeerApp(dir, env, fill, ["install"]);
  return dir;
}

/** `next start` of the bare app, as one process (no npm or shell in between to count). */
export function startBareNext(dir: string, env: NodeJS.ProcessEnv, port: number, log: number): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: dir,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
  });
}
