import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishWords } from "./english";
import { MAX_SUGGEST_LENGTH, suggestFrom } from "./suggest";

/** Every single edit, unpruned, in the typist's order: the definition the pruned search must match. */
function allEdits(word: string): string[] {
  const letters = "abcdefghijklmnopqrstuvwxyz'";
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of letters) out.push(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++) for (const c of letters) if (c !== word[i]) out.push(word.slice(0, i) + c + word.slice(i + 1));
  return out;
}

function reference(word: string, words: ReadonlySet<string>, max: number, distance: 1 | 2): string[] {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const found: string[] = [];
  const known = (candidates: string[]) => {
    for (const c of candidates) {
      const proper = c ? c[0].toUpperCase() + c.slice(1) : c;
      const hit = words.has(c) ? c : words.has(proper) ? proper : null;
      if (hit && !found.includes(hit)) found.push(hit);
    }
  };
  known(allEdits(lower));
  if (distance === 2 && found.length === 0 && lower.length <= 12) for (const e of allEdits(lower)) known(allEdits(e));
  const keepCase = (s: string) =>
    word.length > 1 && word === word.toUpperCase() ? s.toUpperCase() : word[0] === word[0].toUpperCase() ? s[0].toUpperCase() + s.slice(1) : s;
  return found.slice(0, max).map(keepCase);
}

describe("suggestFrom", () => {
  it("suggests exactly what trying every edit suggests, in the same order", () => {
    const letter = fc.constantFrom("a", "b", "c", "d", "e", "'");
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 7 });
    const dictionary = fc.uniqueArray(fc.oneof(word, word.map((w) => w[0].toUpperCase() + w.slice(1))), { minLength: 1, maxLength: 40 });
    // mostly a dictionary word with a slip or two, so that there is something to find
    const slip = fc.tuple(fc.constantFrom("swap", "drop", "add", "replace"), fc.nat(), letter);
    const asked = (list: string[]) =>
      fc.oneof(
        word,
        fc.tuple(fc.constantFrom(...list), fc.array(slip, { minLength: 1, maxLength: 2 })).map(([w, slips]) => {
          for (const [op, n, c] of slips) {
            const i = n % (w.length + 1);
            w = op === "swap" ? w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2) : op === "drop" ? w.slice(0, i) + w.slice(i + 1) : op === "add" ? w.slice(0, i) + c + w.slice(i) : w.slice(0, i) + c + w.slice(i + 1);
          }
          return w || "a";
        }),
      );
    const cases = dictionary.chain((list) => fc.tuple(fc.constant(list), asked(list)));
    fc.assert(
      fc.property(cases, fc.boolean(), fc.constantFrom<1 | 2>(1, 2), ([list, w], capital, distance) => {
        const words = new Set(list);
        const asked = capital ? w[0].toUpperCase() + w.slice(1) : w;
        expect(suggestFrom(asked, words, 3, distance)).toEqual(reference(asked, words, 3, distance));
      }),
      { numRuns: 500 },
    );
  });

  it("matches the full search on real misspellings with the English dictionary", () => {
    const words = englishWords();
    for (const typo of ["goverment", "recieve", "teh", "Colmbia", "acomodate", "beleive", "xqzvtw", "thier"]) {
      for (const distance of [1, 2] as const) expect(suggestFrom(typo, words, 3, distance), typo).toEqual(reference(typo, words, 3, distance));
    }
  });

  it("stays fast on gibberish and gives nothing for a token no word is that long", () => {
    const words = englishWords();
    suggestFrom("warm", words, 3, 2);
    const started = performance.now();
    // these took ~0.4 s each with every edit tried; the affix index skips edits no word can come from
    for (const w of ["qwxzvbnt", "zzkqjxvw", "xkcdfjwe", "jqzxvkwy", "wvxqzjkp"]) suggestFrom(w, words, 3, 2);
    expect(performance.now() - started).toBeLessThan(500);
    expect(suggestFrom("a".repeat(MAX_SUGGEST_LENGTH + 1), words, 3, 1)).toEqual([]);
  });
});
