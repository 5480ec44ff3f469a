import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parse-text";
import { runChecks } from "@/lib/checks/run-checks";
import { ruleOf } from "@/lib/house-style/testing";
import { CheckBudgetExceeded, runChecksOffThread } from "./run-checks-off-thread";

const sample = parseText(readFileSync(path.join(__dirname, "../../../prisma/samples/harbor-bridge.txt"), "utf8"));

describe("runChecksOffThread", () => {
  it("finds what the checks find in process", async () => {
    const off = await runChecksOffThread(sample, { budgetMs: 30_000 });
    expect(off).toEqual(runChecks(sample));
  });

  it("applies house rules sent as plain data, as in process", async () => {
    const houseRules = [ruleOf("harbor", { kind: "substitution", from: ["harbor"], to: "harbour" }, { version: 2 })];
    const input = { ...sample, houseRules };
    const off = await runChecksOffThread(input, { budgetMs: 30_000 });
    const house = off.findings.filter((f) => f.rule === "house:harbor");
    expect(house.length).toBeGreaterThan(0);
    expect(house[0]).toMatchObject({ replacement: expect.stringMatching(/^[Hh]arbour$/), ruleVersion: 2 });
    expect(off).toEqual(runChecks(input));
  });

  it("stops a run over its budget, then checks the next article on a fresh thread", async () => {
    const big = parseText(Array.from({ length: 400 }, () => sample.text).join("\n\n"));
    await expect(runChecksOffThread(big, { budgetMs: 5 })).rejects.toBeInstanceOf(CheckBudgetExceeded);
    const next = await runChecksOffThread(sample, { budgetMs: 30_000 });
    expect(next.findings.length).toBeGreaterThan(0);
  });

  it("runs articles one after another in arrival order", async () => {
    const results = await Promise.all([1, 2, 3].map(() => runChecksOffThread(sample, { budgetMs: 30_000 })));
    expect(new Set(results.map((r) => r.findings.length)).size).toBe(1);
  });

  it("keeps the calling thread free while an article is checked", async () => {
    const big = parseText(Array.from({ length: 200 }, () => sample.text).join("\n\n"));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = Date.now();
    await runChecksOffThread(big, { budgetMs: 60_000 });
    clearInterval(timer);
    // a blocked loop would tick about once for the whole run; a free one ticks throughout it
    expect(ticks).toBeGreaterThan(Math.min(20, (Date.now() - started) / 20));
  });
});
