import { describe, expect, it } from "vitest";
import { MAX_FINDINGS_PER_RULE } from "@/lib/checks/finding";
import { compileHouseRules, matchHouseRules, matchHouseRulesReport } from "./compile";
import { ruleOf } from "./testing";
import type { HouseRuleSpec } from "./types";

const run = (rules: HouseRuleSpec[], text: string) => matchHouseRules(compileHouseRules(rules), text).map((m) => [m.key, m.exact, m.replacement]);

describe("substitutions", () => {
  const email = ruleOf("email", { kind: "substitution", from: ["e-mail"], to: "email" });

  it("match whole words, case-insensitively, and keep the case shape", () => {
    expect(run([email], "Send an e-mail. E-mail me. E-MAIL NOW. e-mails are fine, so is re-e-mailing")).toEqual([
      ["email", "e-mail", "email"],
      ["email", "E-mail", "Email"],
      ["email", "E-MAIL", "EMAIL"],
    ]);
  });

  it("match phrases across a line break but not across a blank line, and fold typographic hyphens", () => {
    const r = ruleOf("noon", { kind: "substitution", from: ["12 noon"], to: "noon" });
    expect(run([r], "at 12\nnoon, at 12\n\nnoon, at 12  noon")).toEqual([
      ["noon", "12\nnoon", "noon"],
      ["noon", "12  noon", "noon"],
    ]);
    expect(run([email], "an e‐mail")).toEqual([["email", "e‐mail", "email"]]);
  });

  it("keep the house form's own capitals for a lower-case match", () => {
    const r = ruleOf("ok", { kind: "substitution", from: ["okay"], to: "OK" });
    expect(run([r], "okay then, Okay")).toEqual([
      ["ok", "okay", "OK"],
      ["ok", "Okay", "OK"],
    ]);
  });

  it("case-sensitive ones match only the form as written", () => {
    const r = ruleOf("inet", { kind: "substitution", from: ["Internet"], to: "internet", caseSensitive: true });
    expect(run([r], "the Internet, the internet, INTERNET")).toEqual([["inet", "Internet", "internet"]]);
  });

  it("prefer the longest phrase at a position and never overlap within a rule", () => {
    const r = ruleOf("web", { kind: "substitution", from: ["web site", "web site address"], to: "website" });
    expect(run([r], "the web site address and the web site")).toEqual([
      ["web", "web site address", "website"],
      ["web", "web site", "website"],
    ]);
  });
});

describe("word lists", () => {
  it("flag words with or without a house form, and not inside an allowed phrase", () => {
    const r = ruleOf("nums", {
      kind: "word_list",
      flag: [{ word: "ten", replacement: "10" }, { word: "alot" }],
      allow: ["top ten", "Ten Commandments"],
      caseSensitive: true,
    });
    expect(run([r], "ten people, Ten people, the top ten, the ten commandments, alot")).toEqual([
      ["nums", "ten", "10"],
      ["nums", "alot", null],
    ]);
  });
});

describe("consistency", () => {
  const r = ruleOf("okay", { kind: "consistency", forms: ["OK", "okay"] });
  it("flags the minority forms with the article's majority form", () => {
    expect(run([r], "Okay. It is okay. It was OK.")).toEqual([["okay", "OK", "okay"]]);
    expect(run([r], "OK. It is okay. It was OK.")).toEqual([["okay", "okay", "OK"]]);
  });
  it("ties go to the form listed first, and one form alone is fine", () => {
    expect(run([r], "okay and OK")).toEqual([["okay", "okay", "OK"]]);
    expect(run([r], "okay and okay")).toEqual([]);
  });
});

describe("patterns", () => {
  const sen = ruleOf("sen", { kind: "pattern", pattern: "\\bSenator ([A-Z][a-z]+ [A-Z][a-z]+)", replacement: "Sen. $1" });
  it("expand $1 in the replacement, with UTF-16 positions after emoji", () => {
    const text = "😀 Senator Jane Doe spoke; Senator Doe left.";
    const ms = matchHouseRules(compileHouseRules([sen]), text);
    expect(ms.map((m) => [m.exact, m.replacement, text.slice(m.start, m.end)])).toEqual([["Senator Jane Doe", "Sen. Jane Doe", "Senator Jane Doe"]]);
  });

  it("run a pattern without a usable literal on every text, and one with a literal only where it occurs", () => {
    const digits = ruleOf("pct", { kind: "pattern", pattern: "\\d+ ?%", replacement: null });
    expect(run([digits, sen], "up 5 % and 7%")).toEqual([
      ["pct", "5 %", null],
      ["pct", "7%", null],
    ]);
  });

  it("batch patterns without a literal into one automaton, each keeping its own flags", () => {
    const rules = Array.from({ length: 70 }, (_, i) => ruleOf(`n${i}`, { kind: "pattern", pattern: `\\b[a-y]{${i + 1}}z\\b` }));
    rules.push(ruleOf("ci", { kind: "pattern", pattern: "\\b[a-z]+Q\\b", flags: "i" }));
    rules.push(ruleOf("cs", { kind: "pattern", pattern: "\\b[a-z]+Q\\b" }));
    const compiled = compileHouseRules(rules);
    expect(compiled.unfiltered.map((b) => b.members.length)).toEqual([64, 8]);
    expect(run(rules, "abz ABQ\n\nabQ")).toEqual([
      ["n1", "abz", null],
      ["ci", "ABQ", null],
      ["ci", "abQ", null],
      ["cs", "abQ", null],
    ]);
  });

  it("match within a paragraph: ^ is a paragraph's start", () => {
    const r = ruleOf("meanwhile", { kind: "pattern", pattern: "^Meanwhile,? " });
    expect(run([r], "Meanwhile the rain.\n\nMeanwhile, the wind. Meanwhile nothing.")).toEqual([
      ["meanwhile", "Meanwhile ", null],
      ["meanwhile", "Meanwhile, ", null],
    ]);
  });

  it("honour flags and lookbehind", () => {
    const r = ruleOf("lb", { kind: "pattern", pattern: "(?<![\\d.])\\b[1-9] [a-z]+", flags: "i", replacement: null });
    expect(run([r], "3 People, 2.5 people, 12 people")).toEqual([["lb", "3 People", null]]);
  });

  it("stop at MAX_FINDINGS_PER_RULE per rule", () => {
    const r = ruleOf("x", { kind: "pattern", pattern: "xx" });
    const w = ruleOf("w", { kind: "word_list", flag: [{ word: "xx" }] });
    const ms = matchHouseRules(compileHouseRules([r, w]), "xx ".repeat(MAX_FINDINGS_PER_RULE + 50));
    expect(ms.filter((m) => m.key === "x")).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(ms.filter((m) => m.key === "w")).toHaveLength(MAX_FINDINGS_PER_RULE);
  });

  it("report the patterns a spent budget skipped", () => {
    const rules = Array.from({ length: 50 }, (_, i) => ruleOf(`p${i}`, { kind: "pattern", pattern: `[a-z]+${i}` }));
    const { skipped } = matchHouseRulesReport(compileHouseRules(rules), "word1 ".repeat(20_000), { budgetMs: 0 });
    expect(skipped.length).toBeGreaterThan(0);
  });
});

describe("one matcher for every rule", () => {
  it("returns the matches of all kinds sorted by position", () => {
    const rules = [
      ruleOf("email", { kind: "substitution", from: ["e-mail"], to: "email" }),
      ruleOf("alot", { kind: "word_list", flag: [{ word: "alot", replacement: "a lot" }] }),
      ruleOf("pct", { kind: "pattern", pattern: "per cent", replacement: "percent" }),
    ];
    const ms = matchHouseRules(compileHouseRules(rules), "alot of e-mail, 5 per cent");
    expect(ms.map((m) => m.key)).toEqual(["alot", "email", "pct"]);
    expect(ms.map((m) => m.start)).toEqual([0, 8, 18]);
  });

  it("is linear in the text: 8× the text costs about 8× the time", () => {
    const rules = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 0
        ? ruleOf(`p${i}`, { kind: "pattern", pattern: `\\bw${i}x(?:s|ed)?\\b` })
        : ruleOf(`s${i}`, { kind: "substitution", from: [`w${i} y`, `w${i}z`], to: `v${i}` }),
    );
    const compiled = compileHouseRules(rules);
    // paragraphs of 50 words; one word in 50 is a pattern's literal, one in 10 a substitution's word
    const words = (n: number) =>
      Array.from({ length: n }, (_, i) => (i % 50 === 0 ? `w${(i * 7) % 300}x` : i % 10 === 0 ? `w${(i + 1) % 300}z` : `word${i % 97}`) + (i % 50 === 49 ? "\n\n" : " ")).join("");
    // CPU time: on a loaded machine wall time charges a long run for the processes it waits behind
    const once = (text: string) => {
      const t = process.cpuUsage();
      matchHouseRules(compiled, text, { budgetMs: 60_000 });
      const d = process.cpuUsage(t);
      return d.user + d.system;
    };
    const [smallText, bigText] = [words(4000), words(32_000)];
    once(bigText); // warm-up: JIT and the lazily compiled patterns
    // interleaved, best of 7: a burst of load on a shared machine hits both sizes alike
    let small = Infinity;
    let big = Infinity;
    for (let k = 0; k < 7; k++) {
      small = Math.min(small, once(smallText));
      big = Math.min(big, once(bigText));
    }
    expect(matchHouseRules(compiled, words(4000), { budgetMs: 60_000 }).length).toBeGreaterThan(100);
    // linear is 8; quadratic would be 64. The slack is for a shared, loaded machine
    expect(big / small).toBeLessThan(32);
  });
});

describe("hostile texts and patterns", () => {
  const rules = [
    ruleOf("email", { kind: "substitution", from: ["e-mail"], to: "email" }),
    ruleOf("ok", { kind: "consistency", forms: ["OK", "okay"] }),
    ruleOf("evil", { kind: "pattern", pattern: "(a+)+$" }),
    ruleOf("evil2", { kind: "pattern", pattern: "(?:a|aa)+b" }),
    ruleOf("nolit", { kind: "pattern", pattern: "\\b\\d+ ?%" }),
  ];
  const compiled = compileHouseRules(rules);
  const timed = (text: string) => {
    const t = performance.now();
    const report = matchHouseRulesReport(compiled, text, { budgetMs: 60_000 });
    return { ...report, ms: performance.now() - t };
  };

  it("a pattern that backtracks catastrophically in JavaScript runs in linear time", () => {
    // /(a+)+$/ takes ~2^n steps on "aaa…!" in a backtracking engine; n = 30 would already take minutes
    const { matches, ms } = timed("a".repeat(50_000) + "!");
    expect(matches).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });

  it("a megabyte of matches yields at most MAX_FINDINGS_PER_RULE per rule, in bounded time", () => {
    const { matches, ms } = timed("e-mail okay OK OK 5% ".repeat(50_000));
    for (const key of ["email", "ok", "nolit"]) expect(matches.filter((m) => m.key === key).length).toBe(MAX_FINDINGS_PER_RULE);
    expect(ms).toBeLessThan(20_000);
  });

  it("one huge token, or only blank lines, costs a single pass", () => {
    expect(timed("x".repeat(1 << 20)).ms).toBeLessThan(10_000);
    expect(timed("\n \n\t\n".repeat(200_000)).matches).toEqual([]);
  });
});
