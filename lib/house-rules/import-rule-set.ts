import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseRuleSetFile } from "@/lib/house-style/rule-set-file";
import { readSpec, specText } from "./rule-spec";
import { writeDraft } from "./save-draft";

/** A rule-set file is text a person keeps in version control; past this it is not one. */
export const MAX_RULE_SET_BYTES = 2 * 1024 * 1024;
export const MAX_RULES_PER_IMPORT = 2000;

export interface ImportOutcome {
  /** new rules, each a version-1 draft */
  created: string[];
  /** existing rules that got a draft with the file's text */
  drafted: string[];
  /** rules whose published or draft text already equals the file's */
  unchanged: string[];
}

/**
 * Import a rule set (YAML or JSON): every rule that differs from what is stored becomes a draft —
 * never published directly, so a second person still reads each one. All or nothing: a file with any
 * invalid rule changes nothing and says which and where.
 */
export async function importRuleSet({ db, actor, text, filename }: { db: Db; actor: Actor; text: string; filename?: string }): Promise<ImportOutcome> {
  assertCan(actor, "house-rule:edit");
  if (Buffer.byteLength(text, "utf8") > MAX_RULE_SET_BYTES) throw new AppError("too_large", "A rule-set file may be at most 2 MB.");
  const parsed = parseRuleSetFile(text, filename);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 5).map((e) => `${e.line ? `line ${e.line}: ` : ""}${e.path ? `${e.path}: ` : ""}${e.message}`);
    throw new AppError("bad_input", `The file was not imported: ${shown.join("; ")}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ""}.`);
  }
  if (parsed.rules.length > MAX_RULES_PER_IMPORT) throw new AppError("too_large", `A rule-set file may hold at most ${MAX_RULES_PER_IMPORT} rules.`);
  const outcome: ImportOutcome = { created: [], drafted: [], unchanged: [] };
  await db.$transaction(
    async (tx) => {
      for (const spec of parsed.rules) {
        const stored = await tx.houseRule.findUnique({
          where: { key: spec.key },
          select: { versions: { where: { status: { in: ["draft", "published"] } }, select: { status: true, spec: true, edit: true } } },
        });
        const draft = stored?.versions.find((v) => v.status === "draft");
        const newest = draft ?? stored?.versions.find((v) => v.status === "published");
        if (newest && specText(readSpec(newest.spec)) === specText(spec)) {
          outcome.unchanged.push(spec.key);
          continue;
        }
        const { key, version: _v, ...input } = spec;
        await writeDraft(tx, { actor, key, input, create: !stored, edit: draft?.edit ?? null, action: "house_rule_import", audit: { file: filename ?? null } });
        (stored ? outcome.drafted : outcome.created).push(key);
      }
    },
    // a large set runs every rule's examples inside the transaction
    { timeout: 60_000 },
  );
  return outcome;
}
