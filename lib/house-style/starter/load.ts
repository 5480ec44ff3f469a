import { readFileSync } from "node:fs";
import path from "node:path";
import { parseRuleSetFile } from "../rule-set-file";
import type { HouseRuleSpec } from "../types";

/** The starter set's file, from the project root (the app, the CLI, the seed and the tests all run there). */
export const STARTER_RULE_SET_PATH = path.join(process.cwd(), "lib", "house-style", "starter", "house-style.yaml");

/** The starter house-style rules (for the demo newsroom's seed); throws if the file is broken. */
export function loadStarterRules(): HouseRuleSpec[] {
  const parsed = parseRuleSetFile(readFileSync(STARTER_RULE_SET_PATH, "utf8"), "house-style.yaml");
  if (!parsed.ok) throw new Error(`starter house style: ${parsed.errors.map((e) => `line ${e.line}: ${e.path}: ${e.message}`).join("; ")}`);
  return parsed.rules;
}
