/**
 * `npm run copydesk`: runs scripts/copydesk.ts from a bundle that esbuild keeps in
 * node_modules/.cache/copydesk (derived, never committed), rebuilt only when one of its source files
 * changed. Through tsx every start transpiled the CLI's ~150 modules and started a second Node process;
 * the bundle is a few files Node loads at once. What only some commands need is loaded when they need it:
 * the database client (a chunk of its own, for `ingest`) and jsdom (HTML input; it was ~2/3 of a cold
 * start). Decision 022.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "node_modules", ".cache", "copydesk", "cli");
const out = path.join(outdir, "copydesk.mjs");
const stampFile = `${out}.inputs.json`;

/** The bundle is fresh when every file it was built from has the modification time it had then. */
function fresh() {
  if (!existsSync(out)) return false;
  try {
    const inputs = JSON.parse(readFileSync(stampFile, "utf8"));
    return inputs.every(([file, mtime]) => statSync(path.join(root, file)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

/** `import { JSDOM } from "jsdom"` becomes a stand-in that requires jsdom the first time a JSDOM is made. */
const lazyJsdom = {
  name: "lazy-jsdom",
  setup(build) {
    build.onResolve({ filter: /^jsdom$/ }, () => ({ path: "jsdom", namespace: "lazy-jsdom" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-jsdom" }, () => ({
      loader: "js",
      contents: `
        import { createRequire } from "node:module";
        let jsdom;
        const load = () => (jsdom ??= createRequire(${JSON.stringify(path.join(root, "package.json"))})("jsdom"));
        export const JSDOM = new Proxy(function JSDOM() {}, {
          construct: (_, args) => new (load().JSDOM)(...args),
          get: (_, key) => load().JSDOM[key],
        });`,
    }));
  },
};

async function bundle() {
  // esbuild only when the bundle is stale: importing it costs more than running the bundle
  const { build } = await import("esbuild");
  // chunk names change with their content: old ones would pile up
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/copydesk.ts"],
    outdir,
    outExtension: { ".js": ".mjs" },
    // chunks: what `ingest` imports lazily (Prisma, the database drivers) stays out of `check`'s start
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [lazyJsdom],
    metafile: true,
    logLevel: "error",
    // the generated Prisma client reads import.meta.url: keep ESM, and give CommonJS packages a require
    banner: { js: 'import { createRequire as __copydeskRequire } from "node:module"; const require = __copydeskRequire(import.meta.url);' },
  });
  const files = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes(":")), "package.json", "tsconfig.json"];
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(files.map((f) => [f, statSync(path.join(root, f)).mtimeMs])));
}

if (!fresh()) await bundle();
await import(pathToFileURL(out).href);
