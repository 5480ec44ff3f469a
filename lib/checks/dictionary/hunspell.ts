/**
 * Expands a Hunspell .aff/.dic pair into the full set of word forms, so a spelling check is one Set
 * lookup instead of Hunspell's affix stripping per word. Handles what English dictionaries use:
 * single-character flags, PFX/SFX with strip/add/condition and cross products. Compound rules are
 * ignored (in en_US they only build ordinals like "21st", and tokens with digits are never checked).
 * The NOSUGGEST flag (slurs and swear words: right as written, never offered as a correction) and the
 * FORBIDDENWORD flag (a form that must not count as a word) are honoured, for a word and all its forms.
 */

interface Affix {
  strip: string;
  add: string;
  condition: RegExp;
}

interface AffixRule {
  kind: "PFX" | "SFX";
  crossProduct: boolean;
  affixes: Affix[];
}

function parseAffixRules(aff: string): Map<string, AffixRule> {
  const rules = new Map<string, AffixRule>();
  for (const line of aff.split("\n")) {
    const parts = line.trim().split(/\s+/);
    const kind = parts[0];
    if (kind !== "PFX" && kind !== "SFX") continue;
    const flag = parts[1];
    const rule = rules.get(flag);
    if (!rule) {
      rules.set(flag, { kind, crossProduct: parts[2] === "Y", affixes: [] });
      continue;
    }
    const strip = parts[2] === "0" ? "" : parts[2];
    const add = parts[3] === "0" ? "" : parts[3].split("/")[0];
    const cond = parts[4] ?? ".";
    const condition = cond === "." ? /(?:)/ : new RegExp(kind === "SFX" ? `${cond}$` : `^${cond}`, "u");
    rule.affixes.push({ strip, add, condition });
  }
  return rules;
}

function applyAffix(word: string, rule: AffixRule, affix: Affix): string | null {
  if (!affix.condition.test(word)) return null;
  if (rule.kind === "SFX") {
    if (affix.strip && !word.endsWith(affix.strip)) return null;
    return word.slice(0, word.length - affix.strip.length) + affix.add;
  }
  if (affix.strip && !word.startsWith(affix.strip)) return null;
  return affix.add + word.slice(affix.strip.length);
}

export interface ExpandedDictionary {
  words: Set<string>;
  /** forms that are words but never suggestions */
  noSuggest: Set<string>;
}

/** The flag character an .aff file declares for `option` ("NOSUGGEST !"), or null. */
function optionFlag(aff: string, option: string): string | null {
  return new RegExp(`^${option}\\s+(\\S)`, "m").exec(aff)?.[1] ?? null;
}

export function expandHunspell(aff: string, dic: string): Set<string> {
  return expandHunspellWithFlags(aff, dic).words;
}

export function expandHunspellWithFlags(aff: string, dic: string): ExpandedDictionary {
  const rules = parseAffixRules(aff);
  const noSuggestFlag = optionFlag(aff, "NOSUGGEST");
  const forbiddenFlag = optionFlag(aff, "FORBIDDENWORD");
  const words = new Set<string>();
  const noSuggest = new Set<string>();
  const forbidden = new Set<string>();
  const lines = dic.split("\n");
  // the first line of a .dic file is its approximate word count
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const slash = line.indexOf("/");
    const word = slash < 0 ? line : line.slice(0, slash);
    if (/\d/.test(word)) continue;
    const flagChars = slash < 0 ? "" : line.slice(slash + 1);
    // every form of a flagged stem goes to the flag's set as well
    const hidden = !!noSuggestFlag && flagChars.includes(noSuggestFlag);
    const banned = !!forbiddenFlag && flagChars.includes(forbiddenFlag);
    const into = {
      add(form: string) {
        words.add(form);
        if (hidden) noSuggest.add(form);
        if (banned) forbidden.add(form);
      },
    };
    into.add(word);
    if (slash < 0) continue;
    const flags = [...flagChars].map((f) => rules.get(f)).filter((r): r is AffixRule => !!r);
    const prefixes = flags.filter((r) => r.kind === "PFX");
    for (const rule of flags) {
      for (const affix of rule.affixes) {
        const form = applyAffix(word, rule, affix);
        if (!form) continue;
        into.add(form);
        if (rule.kind !== "SFX" || !rule.crossProduct) continue;
        for (const prefix of prefixes) {
          if (!prefix.crossProduct) continue;
          for (const p of prefix.affixes) {
            const both = applyAffix(form, prefix, p);
            if (both) into.add(both);
          }
        }
      }
    }
  }
  for (const form of forbidden) words.delete(form);
  return { words, noSuggest };
}
