"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveRuleAction } from "@/app/rules/actions";
import { Field } from "@/components/ui/Field";
import { ANNOTATION_CATEGORIES, CATEGORY_LABELS } from "@/lib/annotations/categories";
import { HOUSE_RULE_KINDS, HOUSE_RULE_SEVERITIES, type HouseRuleKind, type HouseRuleSpec } from "@/lib/house-style/types";
import { fromForm, toForm, type RuleForm } from "./rule-form";

const KIND_LABELS: Record<HouseRuleKind, string> = {
  substitution: "Substitution: a word or phrase → the house form",
  pattern: "Pattern: a regular expression",
  consistency: "Consistency: either form, not both in one article",
  word_list: "Word list: words to flag, words always allowed",
};

/**
 * The house-rule editor: the fields of the chosen kind, the examples, and Save (which stores a draft
 * and runs the examples on the server; their results show on the rule page after saving). Problems
 * come back per field (`body.pattern`, `examples.flag.0.text`) and are shown beside it.
 */
export function RuleEditor({ ruleKey, spec, edit }: { ruleKey: string | null; spec: HouseRuleSpec | null; edit: number | null }) {
  const router = useRouter();
  const [form, setForm] = useState<RuleForm>(() => toForm(spec));
  const [key, setKey] = useState(ruleKey ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof RuleForm>(k: K, v: RuleForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (path: string) => errors[path];

  function save(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const r = await saveRuleAction({ key: ruleKey ?? key.trim(), create: ruleKey === null, edit, rule: fromForm(form) });
      if (!r.ok) {
        setErrors(r.error.fields ?? {});
        setMessage({ error: true, text: r.error.message });
        return;
      }
      setErrors({});
      setMessage({ error: false, text: `Saved draft version ${r.data.version}: ${r.data.examplesPass ? "every example passes." : "some examples fail — see the results."}` });
      if (ruleKey === null) router.push(`/rules/${encodeURIComponent(r.data.key)}`);
      else router.refresh();
    });
  }

  const flagRows = form.flag;
  return (
    <form onSubmit={save} className="space-y-4 rounded border border-stone-300 bg-white p-4" noValidate aria-label="Rule editor">
      {message && (
        <p role={message.error ? "alert" : "status"} className={`rounded border p-3 text-sm ${message.error ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}>
          {message.text}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {ruleKey === null && (
          <Field label="Key" name="key" error={err("key")} hint="lower-case letters, digits and dashes: email-one-word">
            {(p) => <input {...p} className="input w-full" value={key} onChange={(e) => setKey(e.target.value)} required />}
          </Field>
        )}
        <Field label="Title" name="title" error={err("title")}>
          {(p) => <input {...p} className="input w-full" value={form.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field label="Category" name="category" error={err("category")}>
          {(p) => (
            <select {...p} className="input w-full" value={form.category} onChange={(e) => set("category", e.target.value)}>
              {ANNOTATION_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Severity" name="severity" error={err("severity")}>
          {(p) => (
            <select {...p} className="input w-full" value={form.severity} onChange={(e) => set("severity", e.target.value)}>
              {HOUSE_RULE_SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          )}
        </Field>
        <Field label="Message shown with each finding" name="message" error={err("message")}>
          {(p) => <input {...p} className="input w-full" value={form.message} onChange={(e) => set("message", e.target.value)} />}
        </Field>
        <Field label="Style-guide link (optional)" name="link" error={err("link")}>
          {(p) => <input {...p} type="url" className="input w-full" value={form.link} onChange={(e) => set("link", e.target.value)} />}
        </Field>
      </div>

      <fieldset className="space-y-3 rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">What it matches</legend>
        <Field label="Kind" name="kind" error={err("body.kind") ?? err("body")}>
          {(p) => (
            <select {...p} className="input w-full" value={form.kind} onChange={(e) => set("kind", e.target.value as HouseRuleKind)}>
              {HOUSE_RULE_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
          )}
        </Field>
        {form.kind === "substitution" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Replace (one word or phrase a line)" name="body.from" error={err("body.from") ?? firstUnder(errors, "body.from.")}>
              {(p) => <textarea {...p} rows={3} className="input w-full" value={form.from} onChange={(e) => set("from", e.target.value)} />}
            </Field>
            <div className="space-y-2">
              <Field label="With" name="body.to" error={err("body.to")}>
                {(p) => <input {...p} className="input w-full" value={form.to} onChange={(e) => set("to", e.target.value)} />}
              </Field>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={form.caseSensitive} onChange={(e) => set("caseSensitive", e.target.checked)} /> Match case exactly
              </label>
            </div>
          </div>
        )}
        {form.kind === "pattern" && (
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Regular expression" name="body.pattern" error={err("body.pattern")} hint="Runs in a linear-time engine: no back-references or look-around.">
              {(p) => <input {...p} className="input w-full font-mono" value={form.pattern} onChange={(e) => set("pattern", e.target.value)} />}
            </Field>
            <Field label="Flags (i, m, s, u)" name="body.flags" error={err("body.flags")}>
              {(p) => <input {...p} className="input w-full font-mono" value={form.flags} onChange={(e) => set("flags", e.target.value)} />}
            </Field>
            <Field label="Replacement ($1…$9, $&; empty: none)" name="body.replacement" error={err("body.replacement")}>
              {(p) => <input {...p} className="input w-full font-mono" value={form.replacement} onChange={(e) => set("replacement", e.target.value)} />}
            </Field>
          </div>
        )}
        {form.kind === "consistency" && (
          <Field label="Forms (one a line; the article's most used one wins)" name="body.forms" error={err("body.forms") ?? firstUnder(errors, "body.forms.")}>
            {(p) => <textarea {...p} rows={3} className="input w-full" value={form.forms} onChange={(e) => set("forms", e.target.value)} />}
          </Field>
        )}
        {form.kind === "word_list" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Words to flag (one a line; “word => house form” to offer one)" name="body.flag" error={err("body.flag") ?? firstUnder(errors, "body.flag.")}>
              {(p) => <textarea {...p} rows={4} className="input w-full" value={form.words} onChange={(e) => set("words", e.target.value)} />}
            </Field>
            <Field label="Always allowed (one a line)" name="body.allow" error={err("body.allow") ?? firstUnder(errors, "body.allow.")}>
              {(p) => <textarea {...p} rows={4} className="input w-full" value={form.allow} onChange={(e) => set("allow", e.target.value)} />}
            </Field>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">Examples (saving runs them; a rule whose examples fail cannot be published)</legend>
        <h3 className="text-sm font-semibold">Text it must flag</h3>
        {flagRows.map((row, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
            <Field label={`Must flag ${i + 1}`} name={`examples.flag.${i}.text`} error={err(`examples.flag.${i}.text`)}>
              {(p) => <input {...p} className="input w-full" value={row.text} onChange={(e) => set("flag", flagRows.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))} />}
            </Field>
            <Field label={`Expected replacement ${i + 1} (optional)`} name={`examples.flag.${i}.expected`} error={err(`examples.flag.${i}.expected`)}>
              {(p) => <input {...p} className="input w-full" value={row.expected} onChange={(e) => set("flag", flagRows.map((r, j) => (j === i ? { ...r, expected: e.target.value } : r)))} />}
            </Field>
            <button type="button" className="btn btn-secondary" onClick={() => set("flag", flagRows.filter((_, j) => j !== i))} aria-label={`Remove must-flag example ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-secondary" onClick={() => set("flag", [...flagRows, { text: "", expected: "" }])}>
          Add a must-flag example
        </button>
        <h3 className="text-sm font-semibold">Text it must not flag</h3>
        {form.pass.map((text, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
            <Field label={`Must pass ${i + 1}`} name={`examples.pass.${i}`} error={err(`examples.pass.${i}`)}>
              {(p) => <input {...p} className="input w-full" value={text} onChange={(e) => set("pass", form.pass.map((t, j) => (j === i ? e.target.value : t)))} />}
            </Field>
            <button type="button" className="btn btn-secondary" onClick={() => set("pass", form.pass.filter((_, j) => j !== i))} aria-label={`Remove must-pass example ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-secondary" onClick={() => set("pass", [...form.pass, ""])}>
          Add a must-pass example
        </button>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save draft"}
      </button>
    </form>
  );
}

/** The first problem reported inside a list field ("body.from.2"), shown on the list's box. */
function firstUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const k = Object.keys(errors).find((e) => e.startsWith(prefix));
  return k ? `${k.slice(prefix.length).split(".")[0] !== "" ? `line ${Number(k.slice(prefix.length).split(".")[0]) + 1}: ` : ""}${errors[k]}` : undefined;
}
