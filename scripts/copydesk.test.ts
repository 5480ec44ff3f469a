import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, makeActor } from "@/test/test-db";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..");
const FIXTURE = path.join(ROOT, "..", "shared", "fixtures", "voz-trump-petro.txt");

async function copydesk(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/copydesk.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("copydesk CLI", () => {
  const testDb = createTestDb();
  afterAll(testDb.close);

  it("parse --json prints only JSON whose offsets index the text", async () => {
    const { code, stdout } = await copydesk(["parse", FIXTURE, "--json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { text: string; blocks: { kind: string; start: number; end: number; text: string }[] };
    for (const b of out.blocks) expect(out.text.slice(b.start, b.end)).toBe(b.text);
    expect(out.blocks.find((b) => b.kind === "credit")?.text).toBe("AFP");
  });

  it("errors go to stderr with a non-zero exit, stdout stays empty", async () => {
    const bin = path.join(tmpdir(), `copydesk-bin-${process.pid}.txt`);
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    for (const args of [["parse", "/no/such/file.txt", "--json"], ["parse", bin, "--json"], ["frobnicate", FIXTURE]]) {
      const r = await copydesk(args);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^copydesk: /);
    }
  });

  it("check --json piped to a slow reader arrives whole", async () => {
    // ~1.2 MB of article, so the JSON is far beyond a pipe's 64 KiB buffer; the reader waits a second
    // before reading, so the CLI is still writing when its work is done
    const sentence = "The council said the budget would pass after a long night of debate, and thecapture of votes followed.";
    const paragraphs = Array.from({ length: 11_000 }, (_, i) => `${sentence} Item ${i}.`);
    const big = path.join(tmpdir(), `copydesk-big-${process.pid}.txt`);
    writeFileSync(big, `A very long council story\n\n${paragraphs.join("\n\n")}\n`);
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const { stdout } = await run("sh", ["-c", '"$0" scripts/copydesk.ts check "$1" --json | (sleep 1; cat)', tsx, big], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout.length).toBeGreaterThan(1024 * 1024);
    const out = JSON.parse(stdout) as { text: string; findings: unknown[] };
    expect(out.text).toContain("Item 10999.");
    expect(out.findings.length).toBeGreaterThan(0);
  }, 60_000);

  it("check --rules applies a house-style rule-set file, and refuses a broken one with its lines", async () => {
    const article = path.join(tmpdir(), `copydesk-rules-${process.pid}.txt`);
    writeFileSync(article, "Council to vote\n\nThe clerk sent an e-mail to over 200 residents at 7pm.\n");
    const starter = path.join(ROOT, "lib", "house-style", "starter", "house-style.yaml");
    const { code, stdout } = await copydesk(["check", article, "--json", "--rules", starter]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { findings: { rule: string; exact: string; replacement: string | null; ruleVersion?: number }[] };
    const house = out.findings.filter((f) => f.rule.startsWith("house:")).map((f) => [f.rule, f.exact, f.replacement, f.ruleVersion]);
    expect(house).toEqual([
      ["house:email-one-word", "e-mail", "email", 1],
      ["house:more-than-not-over", "over 200", "more than 200", 1],
      ["house:time-pm", "7pm", "7 p.m.", 1],
    ]);

    const bad = path.join(tmpdir(), `copydesk-rules-${process.pid}.yaml`);
    writeFileSync(bad, "rules:\n  - key: ok\n    title: t\n    category: style\n    severity: advice\n    message: m\n    body:\n      kind: pattern\n      pattern: '(?=x)y'\n    examples: { flag: [], pass: [] }\n");
    const r = await copydesk(["check", article, "--rules", bad]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${bad}:9: rules.0.body.pattern:`);
    expect(r.stderr).toMatch(/lookahead/);
  }, 90_000);

  it("ingest stores articles in the configured database", async () => {
    const admin = await makeActor(testDb.db, "admin");
    const { code, stdout } = await copydesk(["ingest", FIXTURE, path.join(ROOT, "prisma", "samples", "school-budget.txt"), "--as", admin.email], {
      DATABASE_URL: testDb.url,
    });
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(2);
    const titles = (await testDb.db.article.findMany({ select: { title: true, sourceKind: true } })).map((a) => a.title);
    expect(titles).toContain("School board approves budget after a long night of debate");
    // and, as in the app, each gets its suggestions
    expect(await testDb.db.checkRun.count({ where: { status: "done" } })).toBe(2);
    expect(await testDb.db.annotation.count({ where: { status: "suggested", exact: "thecapture" } })).toBe(1);
  });
});
