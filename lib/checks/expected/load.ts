import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSource } from "@/lib/ingest/parse-source";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import type { ExpectedFindings } from "./score";

/** The repository root, from this file's place in it. */
export const REPO_ROOT = path.join(__dirname, "..", "..", "..");
/** The shared fixtures sit beside the repository, not inside it. */
export const FIXTURES_DIR = path.join(REPO_ROOT, "..", "shared", "fixtures");
export const SAMPLES_DIR = path.join(REPO_ROOT, "prisma", "samples");

export interface ExpectedArticle {
  name: string;
  parsed: ParsedArticle;
  expected: ExpectedFindings;
}

/** An article file and the `<name>.expected.json` beside it, parsed as ingest would parse it. */
export function loadExpectedArticle(dir: string, file: string): ExpectedArticle {
  const raw = readFileSync(path.join(dir, file), "utf8");
  const parsed = parseSource(raw, file.endsWith(".md") ? "markdown" : "text");
  const expected = JSON.parse(readFileSync(path.join(dir, file.replace(/\.\w+$/, ".expected.json")), "utf8")) as ExpectedFindings;
  return { name: file, parsed, expected };
}

export const loadFixture = () => loadExpectedArticle(FIXTURES_DIR, "voz-trump-petro.txt");
export const loadSamples = () => ["harbor-bridge.txt", "school-budget.txt", "wildfire-evacuation.md"].map((f) => loadExpectedArticle(SAMPLES_DIR, f));
