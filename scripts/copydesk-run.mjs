/**
 * `npm run copydesk`: runs scripts/copydesk.ts from a bundle that esbuild keeps in
 * node_modules/.cache/copydesk (derived, never committed), rebuilt only when one of its source files
 * changed. Through tsx every start transpiled the CLI's ~150 modules and started a second Node process;
 * the bundle is a few files Node loads at once. What only some commands need is loaded when they need it:
 * the database client (a chunk of its own, for `ingest`), jsdom, Readability and parse5 (HTML input; jsdom
 * was ~2/3 of a cold start) and re2js (house rules). Decisions 022, 028.
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

/**
 * Packages only some inputs need (jsdom, Readability and parse5 for HTML; re2js for house rules) are not
 * loaded at start: each import of them becomes a stand-in whose exports require the package the first
 * time they are used (called, constructed or read). Their export names are read here, at bundle time.
 * Loading them at start was ~50 ms of a ~250 ms cold `check` of a text file (decision 028).
 */
const LAZY_PACKAGES = ["jsdom", "parse5", "@mozilla/readability", "re2js"];
const lazyPackages = {
  name: "lazy-packages",
  setup(build) {
    const filter = new RegExp(`^(?:${LAZY_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lazy-package" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-package" }, async (args) => {
      const { createRequire } = await import("node:module");
      const requireHere = createRequire(path.join(root, "package.json"));
      const exported = requireHere(args.path);
      const stubs = Object.keys(exported)
        .filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default")
        .map((key) => `export const ${key} = ${typeof exported[key] === "function" ? "callable" : "value"}(${JSON.stringify(key)});`);
      return {
        loader: "js",
        contents: `
          import { createRequire } from "node:module";
          let loaded;
          const load = () => (loaded ??= createRequire(${JSON.stringify(path.join(root, "package.json"))})(${JSON.stringify(args.path)}));
          const real = (key) => load()[key];
          const member = (target, prop) => {
            const v = Reflect.get(target, prop);
            return typeof v === "function" && prop !== "prototype" && prop !== "constructor" ? v.bind(target) : v;
          };
          // a function or class: call it, construct it, read its statics
          const callable = (key) => new Proxy(function () {}, {
            apply: (_, self, args) => Reflect.apply(real(key), self, args),
            construct: (_, args) => Reflect.construct(real(key), args),
            get: (_, prop) => (prop === "prototype" ? real(key).prototype : member(real(key), prop)),
            has: (_, prop) => prop in real(key),
          });
          // an object: read it, spread it
          const value = (key) => new Proxy({}, {
            get: (_, prop) => member(real(key), prop),
            has: (_, prop) => prop in real(key),
            ownKeys: () => Reflect.ownKeys(real(key)),
            getOwnPropertyDescriptor: (_, prop) => {
              const d = Reflect.getOwnPropertyDescriptor(real(key), prop);
              return d && { ...d, configurable: true };
            },
          });
          ${stubs.join("\n")}
        `,
      };
    });
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
    plugins: [lazyPackages],
    metafile: true,
    logLevel: "error",
    // the generated Prisma client reads import.meta.url: keep ESM, and give CommonJS packages a require
    banner: { js: 'import { createRequire as __copydeskRequire } from "node:module"; const require = __copydeskRequire(import.meta.url);' },
  });
  // this file too: a change to how the bundle is made rebuilds it
  const files = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes(":")), "package.json", "tsconfig.json", "scripts/copydesk-run.mjs"];
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(files.map((f) => [f, statSync(path.join(root, f)).mtimeMs])));
}

if (!fresh()) await bundle();
await import(pathToFileURL(out).href);
