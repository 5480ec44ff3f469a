import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import type { HouseRuleBody, HouseRuleSpec } from "./types";
import { parseHouseRule } from "./validate";

/**
 * A house-style rule set as a file a newsroom keeps in version control: YAML (or JSON, which is YAML
 * too) with `rules:` holding one entry per rule. Fields always come in the same order and optional
 * fields only when set, so an export diffs cleanly against the previous one and parse(serialize(x))
 * is x. A rule's `version` may be left out of a hand-written file (it is 1 then): the app gives each
 * stored rule its own versions.
 */

export const RULE_SET_FORMAT = 1;
/** A set larger than this is not a newsroom's style guide (the bench's 10,000 rules are made in code). */
export const MAX_RULES_IN_FILE = 20_000;

export interface RuleSetError {
  /** 1-based line in the file, when the problem can be placed */
  line?: number;
  /** where: "rules.3.body.pattern" */
  path?: string;
  /** the rule's key, when it has one */
  key?: string;
  message: string;
}

export type ParseRuleSetResult = { ok: true; rules: HouseRuleSpec[] } | { ok: false; errors: RuleSetError[] };

function canonicalBody(body: HouseRuleBody): HouseRuleBody {
  switch (body.kind) {
    case "substitution":
      return { kind: body.kind, from: [...body.from], to: body.to, ...(body.caseSensitive !== undefined ? { caseSensitive: body.caseSensitive } : {}) };
    case "pattern":
      return {
        kind: body.kind,
        pattern: body.pattern,
        ...(body.flags ? { flags: body.flags } : {}),
        ...(body.replacement !== undefined ? { replacement: body.replacement } : {}),
      };
    case "consistency":
      return { kind: body.kind, forms: [...body.forms] };
    case "word_list":
      return {
        kind: body.kind,
        flag: body.flag.map((f) => ({ word: f.word, ...(f.replacement !== undefined ? { replacement: f.replacement } : {}) })),
        ...(body.allow?.length ? { allow: [...body.allow] } : {}),
        ...(body.caseSensitive !== undefined ? { caseSensitive: body.caseSensitive } : {}),
      };
  }
}

/** The rule with its fields in file order and unset optional fields left out. */
export function canonicalRule(rule: HouseRuleSpec): HouseRuleSpec {
  return {
    key: rule.key,
    version: rule.version,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    message: rule.message,
    ...(rule.link ? { link: rule.link } : {}),
    body: canonicalBody(rule.body),
    examples: {
      flag: rule.examples.flag.map((e) => ({ text: e.text, ...(e.expected !== undefined ? { expected: e.expected } : {}) })),
      pass: [...rule.examples.pass],
    },
  };
}

export function serializeRuleSet(rules: readonly HouseRuleSpec[], format: "yaml" | "json"): string {
  const file = { format: RULE_SET_FORMAT, rules: rules.map(canonicalRule) };
  if (format === "json") return JSON.stringify(file, null, 2) + "\n";
  // lineWidth 0: no folding, so a changed word changes one line of the diff
  return stringify(file, { lineWidth: 0 });
}

/** Rules from a YAML or JSON rule-set file, or every problem with its line. */
export function parseRuleSetFile(text: string, filename?: string): ParseRuleSetResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const name = filename ? `${filename}: ` : "";
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: `${name}${e.message.split("\n")[0]}` })) };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const list = Array.isArray(data) ? data : data && typeof data === "object" && "rules" in data ? (data as { rules: unknown }).rules : undefined;
  const inRules = !Array.isArray(data);
  if (!Array.isArray(list)) return { ok: false, errors: [{ line: 1, message: `${name}a rule set is a list of rules under "rules:"` }] };
  if (data && typeof data === "object" && !Array.isArray(data) && "format" in data && (data as { format: unknown }).format !== RULE_SET_FORMAT) {
    return { ok: false, errors: [{ line: lineAt(nodeAt(doc, ["format"])), path: "format", message: `${name}this file's format is not ${RULE_SET_FORMAT}` }] };
  }
  if (list.length > MAX_RULES_IN_FILE) return { ok: false, errors: [{ message: `${name}a rule set may hold at most ${MAX_RULES_IN_FILE} rules` }] };

  const rules: HouseRuleSpec[] = [];
  const errors: RuleSetError[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const base = inRules ? ["rules", i] : [i];
    const input = raw && typeof raw === "object" && !Array.isArray(raw) && !("version" in raw) ? { ...raw, version: 1 } : raw;
    const key = raw && typeof raw === "object" && "key" in raw && typeof raw.key === "string" ? raw.key : undefined;
    const parsed = parseHouseRule(input);
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        const path = [...base, ...(e.path ? e.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [])];
        errors.push({ line: lineAt(nearestNode(doc, path)), path: path.join("."), ...(key ? { key } : {}), message: e.message });
      }
      return;
    }
    const before = seen.get(parsed.rule.key);
    if (before !== undefined) {
      errors.push({ line: lineAt(nodeAt(doc, [...base, "key"])), path: [...base, "key"].join("."), key: parsed.rule.key, message: `the key "${parsed.rule.key}" is already used by rule ${before + 1}` });
      return;
    }
    seen.set(parsed.rule.key, i);
    rules.push(parsed.rule);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

type Doc = ReturnType<typeof parseDocument>;

/** The start offset of the node at path, if there is one. */
function nodeAt(doc: Doc, path: (string | number)[]): number | undefined {
  const node = doc.getIn(path, true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/** The node at path or, when it is missing (a required field left out), its nearest parent. */
function nearestNode(doc: Doc, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const at = nodeAt(doc, path.slice(0, n));
    if (at !== undefined) return at;
  }
  return undefined;
}
