import type { HouseRuleKind, HouseRuleSpec } from "@/lib/house-style/types";

/** The editor's fields as typed: lists as lines of text, optional values as empty strings. */
export interface RuleForm {
  title: string;
  category: string;
  severity: string;
  message: string;
  link: string;
  kind: HouseRuleKind;
  from: string;
  to: string;
  caseSensitive: boolean;
  pattern: string;
  flags: string;
  replacement: string;
  forms: string;
  words: string;
  allow: string;
  flag: { text: string; expected: string }[];
  pass: string[];
}

const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);
const ARROW = "=>";

export function toForm(spec: HouseRuleSpec | null): RuleForm {
  const form: RuleForm = {
    title: spec?.title ?? "",
    category: spec?.category ?? "style",
    severity: spec?.severity ?? "warning",
    message: spec?.message ?? "",
    link: spec?.link ?? "",
    kind: spec?.body.kind ?? "substitution",
    from: "", to: "", caseSensitive: false, pattern: "", flags: "", replacement: "", forms: "", words: "", allow: "",
    flag: spec?.examples.flag.map((f) => ({ text: f.text, expected: f.expected ?? "" })) ?? [{ text: "", expected: "" }],
    pass: spec?.examples.pass ?? [""],
  };
  const b = spec?.body;
  if (b?.kind === "substitution") Object.assign(form, { from: b.from.join("\n"), to: b.to, caseSensitive: !!b.caseSensitive });
  if (b?.kind === "pattern") Object.assign(form, { pattern: b.pattern, flags: b.flags ?? "", replacement: b.replacement ?? "" });
  if (b?.kind === "consistency") form.forms = b.forms.join("\n");
  if (b?.kind === "word_list") {
    form.words = b.flag.map((w) => (w.replacement ? `${w.word} ${ARROW} ${w.replacement}` : w.word)).join("\n");
    form.allow = (b.allow ?? []).join("\n");
  }
  return form;
}

/** The rule as the server validates it; empty optional fields are left out rather than sent empty. */
export function fromForm(f: RuleForm): Record<string, unknown> {
  const body =
    f.kind === "substitution"
      ? { kind: f.kind, from: lines(f.from), to: f.to.trim(), ...(f.caseSensitive ? { caseSensitive: true } : {}) }
      : f.kind === "pattern"
        ? { kind: f.kind, pattern: f.pattern, ...(f.flags ? { flags: f.flags.trim() } : {}), replacement: f.replacement === "" ? null : f.replacement }
        : f.kind === "consistency"
          ? { kind: f.kind, forms: lines(f.forms) }
          : {
              kind: f.kind,
              flag: lines(f.words).map((l) => {
                const at = l.indexOf(ARROW);
                return at < 0 ? { word: l } : { word: l.slice(0, at).trim(), replacement: l.slice(at + ARROW.length).trim() };
              }),
              allow: lines(f.allow),
            };
  return {
    title: f.title,
    category: f.category,
    severity: f.severity,
    message: f.message,
    link: f.link.trim() === "" ? null : f.link.trim(),
    body,
    examples: {
      flag: f.flag.filter((x) => x.text.trim()).map((x) => ({ text: x.text, ...(x.expected === "" ? {} : { expected: x.expected }) })),
      pass: f.pass.filter((t) => t.trim()),
    },
  };
}
