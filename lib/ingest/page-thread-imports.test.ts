import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The modules the upload paths load on the thread that serves pages must not pull in the HTML parsers:
 * jsdom alone is ~500 modules, ~1 s to load on a busy machine, and that second would be spent on the
 * first upload's request with every other page waiting (issue 8). Parsing belongs to the ingest thread.
 */
describe("the page thread's upload path", () => {
  it.each(["@/lib/ingest/read-source", "@/lib/ingest/ingest-body", "@/lib/articles/ingest-off-thread"])("%s loads no jsdom", (mod) => {
    const out = execFileSync(
      "npx",
      ["tsx", "-e", `import(${JSON.stringify(mod)}).then(() => console.log(Object.keys(require.cache).filter((k) => k.includes("node_modules/jsdom/")).length), (e) => { console.error(e); process.exit(1); })`],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "file::memory:" } },
    );
    expect(Number(out.trim().split("\n").at(-1))).toBe(0);
  });
});
