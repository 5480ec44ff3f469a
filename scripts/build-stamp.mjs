// `npm start` builds only when what the build is made of changed since the last build: a hash of
// those files (and of the NEXT_PUBLIC_ variables a build inlines) is kept beside the build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What `next build` reads. Tests, scripts, benchmarks and docs are not part of the app. */
const INPUTS = [
  "app", "components", "lib", "public",
  "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json",
  "package.json", "package-lock.json", "prisma/schema.prisma", "prisma/postgres/schema.prisma",
];
const SKIP = /\.test\.tsx?$/;
const STAMP = "copydesk-build-stamp";

export function distDir(env = process.env) {
  return env.NEXT_DIST_DIR || ".next";
}

export function sourceHash(root, env = process.env) {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((p) => files(root, p)).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  for (const name of Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_")).sort()) hash.update(`${name}=${env[name]}\0`);
  return hash.digest("hex");
}

/** The build in distDir was made from these very sources (and finished: BUILD_ID is written last). */
export function buildIsCurrent(root, hash, env = process.env) {
  const dir = path.join(root, distDir(env));
  const stamp = path.join(dir, STAMP);
  return existsSync(path.join(dir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
}

export function writeStamp(root, hash, env = process.env) {
  writeFileSync(path.join(root, distDir(env), STAMP), hash);
}

function files(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .filter((f) => !SKIP.test(f));
}
