/**
 * A sound key for English spelling, after Lawrence Philips' Metaphone (1990): letters that spell the same
 * sound get the same code and vowels after the first are dropped, so "exsaptible" and "acceptable", or
 * "fone" and "phone", share a key. People who misspell badly spell by ear; a typo checker that only counts
 * letter edits misses most of their words (about half of real misspellings are more than two edits from
 * the word meant). Linear in the word; letters outside a–z are ignored.
 */
const VOWEL = { has: (c: string) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" };
const FRONT = { has: (c: string) => c === "e" || c === "i" || c === "y" };
const NOT_LETTER = /[^a-z]/;

export function soundKey(word: string): string {
  let w = word.toLowerCase();
  if (NOT_LETTER.test(w)) w = w.replace(/[^a-z]/g, "");
  if (!w) return "";
  // silent first letters, and "x" said as "s"
  if (/^(?:kn|gn|pn|wr|ae)/.test(w)) w = w.slice(1);
  else if (w[0] === "x") w = "s" + w.slice(1);
  else if (w.startsWith("wh")) w = "w" + w.slice(2);
  let key = "";
  let last = "";
  let code = "";
  for (let i = 0; i < w.length; i++, code = "") {
    const c = w[i];
    const next = w[i + 1] ?? "";
    const after = w[i + 2] ?? "";
    const prev = w[i - 1] ?? "";
    if (c === prev && c !== "c") continue;
    if (VOWEL.has(c)) {
      // every vowel at the start is one vowel sound: "exsaptible" and "acceptable" start alike
      if (i === 0) key = last = "A";
      continue;
    }
    switch (c) {
      case "b":
        if (!(prev === "m" && i === w.length - 1)) code = "P";
        break;
      case "c":
        if (next === "h" || (next === "i" && after === "a")) code = "X";
        else if (FRONT.has(next)) code = "S";
        else code = "K";
        break;
      case "d":
        code = next === "g" && FRONT.has(after) ? "J" : "T";
        break;
      case "g":
        if (next === "h" && !VOWEL.has(after)) break;
        if (next === "n" && (i + 2 === w.length || w.slice(i + 1) === "ned")) break;
        if (prev === "d" && FRONT.has(next)) break;
        code = FRONT.has(next) ? "J" : "K";
        break;
      case "h":
        if (VOWEL.has(next) && !"cgpst".includes(prev)) code = "H";
        break;
      case "k":
        if (prev !== "c") code = "K";
        break;
      case "p":
        code = next === "h" ? "F" : "P";
        break;
      case "q":
        code = "K";
        break;
      case "s":
        code = next === "h" || (next === "i" && (after === "o" || after === "a")) ? "X" : "S";
        break;
      case "t":
        if (next === "i" && (after === "o" || after === "a")) code = "X";
        else if (next === "h") code = "0";
        else if (!(next === "c" && after === "h")) code = "T";
        break;
      case "v":
        code = "F";
        break;
      case "w":
      case "y":
        if (VOWEL.has(next)) code = c.toUpperCase();
        break;
      case "x":
        code = "KS";
        break;
      case "z":
        code = "S";
        break;
      default:
        code = c.toUpperCase();
    }
    // a sound written twice ("ck", "ss", "cc") is one sound
    if (code && code !== last) key += code;
    if (code) last = code[code.length - 1];
  }
  return key;
}
