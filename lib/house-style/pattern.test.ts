import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, expandTemplate, foldForPrefilter, requiredLiterals, toRe2Syntax } from "./pattern";

describe("requiredLiterals", () => {
  it("reads the most selective literal set off a pattern", () => {
    expect(requiredLiterals("\\bSenator ([A-Z]\\w+)")).toEqual(["senator "]);
    expect(requiredLiterals("\\b(?:colou?r|flavou?r)s?\\b")).toEqual(["colo", "flavo"]);
    expect(requiredLiterals("\\b(?:January|May) \\d+|\\bJune \\d+")).toEqual(["january", "may", "june "]);
    expect(requiredLiterals("a\\.m\\.")).toEqual(["a.m."]);
    expect(requiredLiterals("(?i)E-?mail")).toEqual(["mail"]);
    expect(requiredLiterals("(?<![\\d.])\\bover (\\d+)")).toEqual(["over "]);
    expect(requiredLiterals("(?<name>abc)+d")).toEqual(["abc"]);
  });

  it("gives up rather than claim a literal a match can lack", () => {
    for (const p of ["\\d+ ?%", "(?:abc)?def?", "x|yz", "[a-z]+ing", "(abc)*", "ab{0,3}", "(?:abc|\\d+)z"]) {
      const lits = requiredLiterals(p);
      if (lits) expect(lits.every((l) => l.length >= 2)).toBe(true);
    }
    expect(requiredLiterals("\\d+ ?%")).toBeNull();
    expect(requiredLiterals("(?:abc|\\d+)z")).toBeNull();
    expect(requiredLiterals("(abc)*de")).toEqual(["de"]);
    expect(requiredLiterals("ab{0,3}c")).toBeNull();
  });

  it("never misses: wherever the pattern matches, one of its literals occurs (property)", () => {
    const atom = fc.oneof(
      fc.constantFrom("a", "b", "ab", "ba", "\\.", "\\d", "[ab]", ".", "\\b", " "),
      fc.constantFrom("a?", "b*", "(?:ab|ba)", "(?:a|b)+", "(ab)?", "a{2}", "b{0,2}", "(?i:AB)", "(?<=a)b", "(?<!b)a"),
    );
    const patternArb = fc.array(fc.array(atom, { minLength: 1, maxLength: 6 }).map((a) => a.join("")), { minLength: 1, maxLength: 3 }).map((b) => b.join("|"));
    const textArb = fc.stringMatching(/^[abAB. 1]{0,30}$/);
    fc.assert(
      fc.property(patternArb, textArb, (pattern, text) => {
        const lits = requiredLiterals(pattern);
        if (!lits) return true;
        const re = compilePattern(pattern);
        for (const m of re.matchAll(text)) {
          if (m[0].length === 0) continue;
          const lowered = foldForPrefilter(text);
          if (!lits.some((l) => lowered.includes(l))) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("JavaScript syntax", () => {
  it("accepts \\u escapes, which RE2 spells \\x{…}", () => {
    expect(toRe2Syntax("caf\\u00e9 \\u{1F600} \\\\u00e9")).toBe("caf\\x{00e9} \\x{1F600} \\\\u00e9");
    expect([...compilePattern("caf\\u00e9").matchAll("un café")].map((m) => m[0])).toEqual(["café"]);
    // the escape is not a literal "00e9"
    expect(requiredLiterals(toRe2Syntax("\\u00e9tude"))).toEqual(["tude"]);
  });
});

describe("expandTemplate", () => {
  it("fills $1…$9 and $&, keeps $$ as a dollar, and gives '' for a group that took no part", () => {
    expect(expandTemplate("Sen. $1 ($&) $$5 [$2]", ["Senator Ann Lee", "Ann Lee", undefined])).toBe("Sen. Ann Lee (Senator Ann Lee) $5 []");
  });
});
