import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

describe("npm run copydesk (the bundled CLI)", () => {
  it("prints what the TypeScript source prints, and loads no HTML or house-rule package for a text file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "copydesk-run-"));
    const file = path.join(dir, "story.txt");
    writeFileSync(file, "Bridge reopens\n\nCrews finished thereplacement of the cables, the goverment said.\n");
    const bundled = await run(process.execPath, ["scripts/copydesk-run.mjs", "check", file, "--json"], { cwd: ROOT });
    const source = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/copydesk.ts", "check", file, "--json"], { cwd: ROOT });
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(source.stdout));
    expect(JSON.parse(bundled.stdout).findings.map((f: { exact: string }) => f.exact)).toEqual(expect.arrayContaining(["thereplacement", "goverment"]));

    // jsdom (~2/3 of a cold start), Readability, parse5 and re2js are required on first use: a text file
    // never loads them, an HTML file loads the HTML ones, a house-rule file re2js
    const probe = path.join(dir, "probe.cjs");
    writeFileSync(
      probe,
      `const Module = require("node:module"); const load = Module._load; const seen = new Set();
       const lazy = ["jsdom", "@mozilla/readability", "parse5", "re2js"];
       Module._load = function (request, ...rest) { if (lazy.includes(request)) seen.add(request); return load.call(this, request, ...rest); };
       process.on("exit", () => process.stderr.write("loaded: " + lazy.filter((p) => seen.has(p)).join(",") + ";\\n"));`,
    );
    const html = path.join(dir, "story.html");
    writeFileSync(html, "<html><body><article><h1>Bridge reopens</h1><p>Crews finished the replacement of two cables on Monday, the council said in a statement.</p></article></body></html>");
    const text = await run(process.execPath, ["-r", probe, "scripts/copydesk-run.mjs", "check", file], { cwd: ROOT });
    const page = await run(process.execPath, ["-r", probe, "scripts/copydesk-run.mjs", "parse", html], { cwd: ROOT });
    expect(text.stderr).toContain("loaded: ;");
    expect(page.stderr).toContain("loaded: jsdom,@mozilla/readability,parse5;");
    expect(page.stdout).toContain("Crews finished");

    // the stand-ins behave as the packages: a house-rule file checks the same through the bundle as from source
    const starter = path.join(ROOT, "lib", "house-style", "starter", "house-style.yaml");
    const ruled = await run(process.execPath, ["-r", probe, "scripts/copydesk-run.mjs", "check", file, "--json", "--rules", starter], { cwd: ROOT });
    const ruledSource = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/copydesk.ts", "check", file, "--json", "--rules", starter], { cwd: ROOT });
    expect(JSON.parse(ruled.stdout)).toEqual(JSON.parse(ruledSource.stdout));
    expect(ruled.stderr).toContain("loaded: re2js;");
    const pageSource = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/copydesk.ts", "check", html, "--json"], { cwd: ROOT });
    const pageBundled = await run(process.execPath, ["scripts/copydesk-run.mjs", "check", html, "--json"], { cwd: ROOT });
    expect(JSON.parse(pageBundled.stdout)).toEqual(JSON.parse(pageSource.stdout));
  }, 180_000);
});
