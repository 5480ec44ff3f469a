/**
 * copydesk — the command line, on the same lib/ code as the app.
 *
 *   copydesk parse FILE [--json]          structure of one article (text + blocks)
 *   copydesk check FILE [--json] [--rules RULES]
 *                                         automatic checks: findings and quotes with speakers;
 *                                         --rules adds a house-style rule-set file (YAML or JSON)
 *   copydesk ingest FILE... [--as EMAIL]  store articles in the configured database
 *
 * stdout carries only results (JSON with --json); messages and errors go to stderr,
 * and any error exits non-zero.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { blockText, type ParsedArticle } from "@/lib/ingest/blocks";
import { decodeSource, detectFormat } from "@/lib/ingest/decode-source";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";
import { parseSource } from "@/lib/ingest/parse-source";
import { runChecks } from "@/lib/checks/run-checks";
import type { HouseRuleSpec } from "@/lib/house-style/types";

const USAGE = `usage:
  copydesk parse FILE [--json]
  copydesk check FILE [--json] [--rules RULES.yaml|RULES.json]
  copydesk ingest FILE... [--as EMAIL]`;

function readArticleFile(file: string): ParsedArticle {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError("not_found", `${file}: no such file`);
  }
  // refuse before reading a huge file into memory
  if (size > MAX_SOURCE_BYTES) decodeSource(new Uint8Array(MAX_SOURCE_BYTES + 1), file);
  const text = decodeSource(readFileSync(file), file);
  return parseSource(text, detectFormat(file, text));
}

function printParsed(parsed: ParsedArticle, json: boolean) {
  const blocks = parsed.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, text: blockText(parsed.text, b) }));
  if (json) {
    process.stdout.write(JSON.stringify({ text: parsed.text, blocks }, null, 2) + "\n");
    return;
  }
  for (const b of blocks) process.stdout.write(`${b.kind.padEnd(10)} ${b.start}-${b.end}  ${b.text.slice(0, 80)}\n`);
}

/** A house-style rule-set file, or every problem with its line (the file is refused whole). */
async function readRuleSetFile(file: string): Promise<HouseRuleSpec[]> {
  let text: string;
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) throw new AppError("too_large", `${file}: a rule-set file may be at most ${MAX_SOURCE_BYTES} bytes`);
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("not_found", `${file}: no such file`);
  }
  // loaded only with --rules: the YAML parser is a sizeable share of a cold start
  const { parseRuleSetFile } = await import("@/lib/house-style/rule-set-file");
  const parsed = parseRuleSetFile(text, path.basename(file));
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `${file}${e.line ? `:${e.line}` : ""}: ${e.path ? `${e.path}: ` : ""}${e.message}`);
    throw new AppError("bad_input", `the rule set has ${parsed.errors.length} problem(s):\n${lines.join("\n")}`);
  }
  return parsed.rules;
}

/** Findings and quotes; exit 0 whether or not there are findings (a pipeline decides what to do). */
function printChecks(parsed: ParsedArticle, json: boolean, houseRules?: HouseRuleSpec[]) {
  const { findings, quotes } = runChecks({ text: parsed.text, blocks: parsed.blocks, houseRules });
  if (json) {
    const out = {
      text: parsed.text,
      findings: findings.map(({ rule, category, start, end, exact, replacement, message, confidence, ruleVersion }) => ({
        rule, category, start, end, exact, replacement, message, confidence, ...(ruleVersion !== undefined ? { ruleVersion } : {}),
      })),
      quotes: quotes.map(({ start, end, quote, speaker, evidence }) => ({ start, end, quote, speaker, evidence })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return;
  }
  for (const f of findings) {
    const fix = f.replacement === null ? "" : f.replacement === "" ? "  → delete" : `  → ${JSON.stringify(f.replacement)}`;
    process.stdout.write(`${String(f.start).padStart(6)}  ${f.category.padEnd(13)} ${JSON.stringify(f.exact.slice(0, 40))}${fix}  (${f.rule}: ${f.message})\n`);
  }
  for (const q of quotes) process.stdout.write(`quote  ${JSON.stringify(q.quote.slice(0, 50))} — ${q.speaker ?? "NO SPEAKER"}\n`);
}

async function ingest(files: string[], asEmail: string | undefined) {
  // the database is only needed here: import lazily so `parse` works without one
  const { db } = await import("@/lib/db");
  const { ingestArticle } = await import("@/lib/articles/ingest-article");
  const { recheckArticle } = await import("@/lib/suggestions/recheck-article");
  const { roleSchema } = await import("@/lib/auth/roles");
  try {
    const user = asEmail
      ? await db.user.findUnique({ where: { email: asEmail } })
      : await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" } });
    if (!user) throw new AppError("not_found", asEmail ? `no user with e-mail ${asEmail}` : "no admin user: run `npm run db:setup` or pass --as EMAIL");
    const actor = { id: user.id, name: user.name, email: user.email, role: roleSchema.parse(user.role) };
    for (const file of files) {
      const parsed = readArticleFile(file);
      const article = await ingestArticle({ db, actor, parsed, sourceKind: "cli", sourceName: path.basename(file), checks: "none" });
      // as in the app: every ingested article gets its suggestions
      await recheckArticle({ db, actor, articleId: article.id });
      process.stdout.write(`${article.id}\t${article.title}\n`);
    }
  } finally {
    await db.$disconnect();
  }
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, as: { type: "string" }, rules: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) {
    process.stderr.write(USAGE + "\n");
    return values.help ? 0 : 2;
  }
  if (files.length === 0) throw new AppError("bad_input", `${command}: give at least one FILE\n${USAGE}`);
  switch (command) {
    case "parse":
      if (files.length !== 1) throw new AppError("bad_input", "parse takes one FILE");
      printParsed(readArticleFile(files[0]), values.json);
      return 0;
    case "check":
      if (files.length !== 1) throw new AppError("bad_input", "check takes one FILE");
      printChecks(readArticleFile(files[0]), values.json, values.rules ? await readRuleSetFile(values.rules) : undefined);
      return 0;
    case "ingest":
      await ingest(files, values.as);
      return 0;
    default:
      throw new AppError("bad_input", `unknown command: ${command}\n${USAGE}`);
  }
}

// exitCode, never process.exit(): exit() drops whatever stdout has not yet written into a pipe, which
// cut `check --json | …` off at the pipe's buffer size; the process ends once stdout has drained
main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`copydesk: ${e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
