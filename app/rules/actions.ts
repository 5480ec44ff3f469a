"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/app/_auth/run-action";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { backtestVersion, type BacktestReport } from "@/lib/house-rules/backtest-draft";
import { setRuleDisabled } from "@/lib/house-rules/disable-rule";
import { importRuleSet, type ImportOutcome } from "@/lib/house-rules/import-rule-set";
import { publishDraft } from "@/lib/house-rules/publish-draft";
import { restoreRule } from "@/lib/house-rules/restore-rule";
import { revertRule } from "@/lib/house-rules/revert-rule";
import { saveDraft, type SavedDraft } from "@/lib/house-rules/save-draft";
import { parseInput } from "@/lib/validation";

// thin adapters (architecture: conventions 1): parse, call one use case (it checks the permission), revalidate
const key = z.string().min(1).max(64);
const version = z.number().int().min(1);

// an empty key is the rule's own validation to refuse (validateSpec), beside every other empty field
const saveSchema = z.object({ key: z.string().max(64), create: z.boolean(), edit: z.number().int().min(1).nullable(), rule: z.record(z.string(), z.unknown()) });

export async function saveRuleAction(input: unknown): Promise<ActionResult<SavedDraft>> {
  const result = await runAction((actor) => {
    const { key, create, edit, rule } = parseInput(saveSchema, input, "Malformed request.");
    return saveDraft({ db, actor, key, create, edit, input: rule });
  });
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}

export async function publishRuleAction(input: unknown): Promise<ActionResult<{ key: string; version: number }>> {
  const result = await runAction((actor) => publishDraft({ db, actor, ...parseInput(z.object({ key, version, edit: z.number().int().min(1) }), input, "Malformed request.") }));
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}

export async function backtestRuleAction(input: unknown): Promise<ActionResult<BacktestReport>> {
  return runAction((actor) => backtestVersion({ db, actor, ...parseInput(z.object({ key, version }), input, "Malformed request.") }));
}

export async function revertRuleAction(input: unknown): Promise<ActionResult<SavedDraft>> {
  const result = await runAction((actor) => revertRule({ db, actor, ...parseInput(z.object({ key, version, edit: z.number().int().min(1).nullable() }), input, "Malformed request.") }));
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}

export async function importRulesAction(input: unknown): Promise<ActionResult<ImportOutcome>> {
  const result = await runAction((actor) => {
    // the use case bounds the size in bytes; this only refuses what cannot be a file's text
    const { text, filename } = parseInput(z.object({ text: z.string().max(3_000_000), filename: z.string().max(200).optional() }), input, "Malformed request.");
    return importRuleSet({ db, actor, text, filename });
  });
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}

export async function restoreRuleAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await restoreRule({ db, actor, ...parseInput(z.object({ ruleId: z.string().min(1).max(80) }), input, "Malformed request.") });
    return null;
  });
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}

export async function setRuleDisabledAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await setRuleDisabled({ db, actor, ...parseInput(z.object({ key, disabled: z.boolean() }), input, "Malformed request.") });
    return null;
  });
  if (result.ok) revalidatePath("/rules", "layout");
  return result;
}
