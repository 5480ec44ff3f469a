import { RE2JS } from "re2js";

/**
 * House patterns run in RE2JS, a linear-time regular-expression engine (decision 025): matching time is
 * proportional to the text, whatever the pattern, so no rule can backtrack catastrophically and hang
 * the checker. The price is RE2's syntax: no lookahead and no backreferences; lookbehind works as long
 * as it holds no capturing group. This message is what an author sees when a pattern uses them.
 */
export const ENGINE_LIMITS =
  "House patterns run in a linear-time engine (RE2) so that no rule can hang the checker: lookahead (?=…) (?!…) and backreferences (\\1, \\k<name>) are not supported; lookbehind (?<=…) (?<!…) works without capturing groups inside it.";

/** What an author reads beside the pattern field: the engine's limits and a pattern's scope. */
export const PATTERN_HELP = `${ENGINE_LIMITS} A pattern matches within one paragraph: ^ and $ are its start and end (with the m flag, a line's). Replacements may use $1…$9 and $&.`;

/** JavaScript flags an author may give: i (ignore case), m (^ $ at line ends), s (. matches newlines), u (no-op: always Unicode). */
export const PATTERN_FLAGS = ["i", "m", "s", "u"] as const;

export class PatternError extends Error {}

/**
 * JavaScript's code-point escapes in RE2's spelling: \u00e9 and \u{1F600} become \x{00e9} and
 * \x{1F600}. Everything else authors write in JavaScript syntax means the same in RE2 or is refused.
 */
export function toRe2Syntax(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const rest = pattern.slice(i + 1, i + 12);
    const m = /^u([0-9a-fA-F]{4})/.exec(rest) ?? /^u\{([0-9a-fA-F]{1,6})\}/.exec(rest);
    if (m) {
      out += `\\x{${m[1]}}`;
      i += m[0].length;
    } else {
      out += c + (pattern[i + 1] ?? "");
      i++;
    }
  }
  return out;
}

/** The compiled pattern, or a PatternError with a message for the author. */
export function compilePattern(source: string, flags = ""): RE2JS {
  const pattern = toRe2Syntax(source);
  let f = RE2JS.LOOKBEHINDS;
  if (flags.includes("i")) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes("m")) f |= RE2JS.MULTILINE;
  if (flags.includes("s")) f |= RE2JS.DOTALL;
  try {
    return RE2JS.compile(pattern, f);
  } catch (e) {
    const raw = e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e);
    const unsupported = /\(\?[=!]|\\[1-9]|\\k</.test(pattern) || /unsupported|invalid escape|lookbehind/i.test(raw);
    throw new PatternError(unsupported ? `${raw}. ${ENGINE_LIMITS}` : `Not a valid pattern: ${raw}.`);
  }
}

/**
 * `$1`…`$9` and `$&` in a replacement template, as in String.prototype.replace; `$$` is a dollar sign.
 * A group that did not take part gives "".
 */
export function expandTemplate(template: string, groups: ArrayLike<string | undefined | null>): string {
  return template.replace(/\$(\$|&|[1-9])/g, (_, g: string) => (g === "$" ? "$" : g === "&" ? (groups[0] ?? "") : (groups[Number(g)] ?? "")));
}

/** The highest group number a template refers to (to refuse "$3" in a pattern with two groups). */
export const templateMaxGroup = (template: string) => Math.max(0, ...[...template.matchAll(/\$(\$|[1-9])/g)].map((m) => (m[1] === "$" ? 0 : Number(m[1]))));

/**
 * Literal prefilter: strings of which at least one occurs (lower-cased) in the text wherever the pattern
 * matches, or null when no such set can be read off the pattern. One Aho-Corasick pass over the text
 * finds which patterns' literals occur, and only those patterns run: with thousands of rules most never
 * run at all. The reading is conservative (it may give up, never claim a literal that a match can lack):
 * an optional atom (? * {0,…}) adds nothing, a group adds the union of its branches' sets when every
 * branch has one, lookaround adds nothing, and a sequence keeps its most selective set (the one whose
 * shortest string is longest). One-character sets are not worth a prefilter.
 */
export function requiredLiterals(pattern: string): string[] | null {
  let i = 0;
  type Lits = string[];
  const better = (a: Lits | null, b: Lits | null): Lits | null => {
    if (!a) return b;
    if (!b) return a;
    const ma = Math.min(...a.map((x) => x.length));
    const mb = Math.min(...b.map((x) => x.length));
    return mb > ma || (mb === ma && b.length < a.length) ? b : a;
  };
  // after an atom: is it optional, and skip its quantifier
  const quantifier = (): "none" | "optional" | "repeat" => {
    const c = pattern[i];
    let q: "none" | "optional" | "repeat" = "none";
    if (c === "?" || c === "*") q = "optional";
    else if (c === "+") q = "repeat";
    else if (c === "{" && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) q = /^\{0[,}]/.test(pattern.slice(i)) ? "optional" : "repeat";
    if (q === "none") return q;
    i = c === "{" ? pattern.indexOf("}", i) + 1 : i + 1;
    if (pattern[i] === "?") i++; // lazy
    return q;
  };
  const alternation = (): Lits | null => {
    const branches: (Lits | null)[] = [sequence()];
    while (pattern[i] === "|") {
      i++;
      branches.push(sequence());
    }
    if (branches.some((b) => !b)) return null;
    return [...new Set(branches.flat() as string[])];
  };
  const sequence = (): Lits | null => {
    let best: Lits | null = null;
    let run = "";
    const endRun = () => {
      if (run) best = better(best, [run]);
      run = "";
    };
    while (i < pattern.length && pattern[i] !== "|" && pattern[i] !== ")") {
      const c = pattern[i];
      if (c === "(") {
        endRun();
        i++;
        let assertion = false;
        if (pattern[i] === "?") {
          const head = pattern.slice(i, i + 3);
          if (head.startsWith("?=") || head.startsWith("?!") || head === "?<=" || head === "?<!") {
            assertion = true;
            i += head.startsWith("?<") ? 3 : 2;
          } else if (head.startsWith("?<") || head.startsWith("?P<")) {
            i = pattern.indexOf(">", i) + 1;
          } else {
            // flags: (?i) has no content, (?i:…) has
            const m = /^\?[a-zA-Z-]*([:)])/.exec(pattern.slice(i));
            if (!m) return best;
            i += m[0].length;
            if (m[1] === ")") continue;
          }
        }
        const inner = alternation();
        if (pattern[i] !== ")") return null;
        i++;
        const q = quantifier();
        if (!assertion && q !== "optional") best = better(best, inner);
      } else if (c === "[") {
        endRun();
        i++;
        if (pattern[i] === "^") i++;
        if (pattern[i] === "]") i++;
        for (; i < pattern.length && pattern[i] !== "]"; i++) if (pattern[i] === "\\") i++;
        i++;
        quantifier();
      } else if (c === "\\") {
        const next = pattern[i + 1];
        i += 2;
        if (next !== undefined && /[^\p{L}\p{N}\s]/u.test(next)) {
          run += next.toLowerCase();
          if (quantifier() === "optional") run = run.slice(0, -1);
          else if (pattern[i - 1] === "+" || pattern[i - 1] === "}") endRun();
        } else {
          endRun();
          if (next === "p" || next === "P" || next === "x") {
            if (pattern[i] === "{") i = Math.max(i, pattern.indexOf("}", i) + 1);
            else i += next === "x" ? 2 : 1;
          }
          quantifier();
        }
      } else if (c === "." || c === "^" || c === "$") {
        endRun();
        i++;
        quantifier();
      } else {
        run += c.toLowerCase();
        i++;
        const q = quantifier();
        if (q === "optional") run = run.slice(0, -1);
        if (q !== "none") endRun();
      }
    }
    endRun();
    return best;
  };
  const lits = alternation();
  if (i < pattern.length || !lits || lits.some((l) => l.length < 2)) return null;
  return [...new Set(lits.map(foldForPrefilter))];
}

/**
 * Lower-casing for the prefilter, applied alike to literals and texts. Final sigma and long s fold to
 * their plain letters: a literal cut out of a word lower-cases as if it ended one, and RE2's ignore-case
 * treats ſ as s.
 */
export const foldForPrefilter = (s: string) => s.toLowerCase().replace(/ς/g, "σ").replace(/ſ/g, "s");
