/**
 * `npm run bench:checks`: our copy-editing checks against harper.js (Automattic's grammar checker) in the
 * same process on the same text: throughput on the scraped fixture and on a ~1 MB corpus of the project's
 * sample articles, and, on the fixture, how many of the defects a copy editor marks each one finds.
 * Ours is timed from raw text (parse + every rule), harper from the same raw text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURES_DIR, SAMPLES_DIR, loadFixture, loadSamples } from "@/lib/checks/expected/load";
import { scoreFindings, type ExpectedFindings, type Marked } from "@/lib/checks/expected/score";
import { runChecks } from "@/lib/checks/run-checks";
import { parseText } from "@/lib/ingest/parse-text";
import { createHarper, type HarperChecker } from "./harper";
import { throughput, timeOnce, type Throughput } from "./measure";
import { table } from "./table";

const CORPUS_BYTES = 1 << 20;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rate = (t: Throughput) => t.kbPerSecond.toFixed(0);

function ours(raw: string) {
  const parsed = parseText(raw);
  return { text: parsed.text, ...runChecks(parsed) };
}

function corpus(): string {
  const articles = loadSamples().map((a) => a.parsed.text);
  const parts: string[] = [];
  for (let size = 0; size < CORPUS_BYTES; ) {
    const next = articles[parts.length % articles.length];
    parts.push(next);
    size += bytes(next) + 2;
  }
  return parts.join("\n\n");
}

function quality(text: string, expected: ExpectedFindings, marks: Marked[]) {
  const s = scoreFindings(text, expected, marks);
  const required = expected.defects.filter((d) => d.required).length;
  return { found: `${required - s.missedRequired.length}/${required}`, missed: s.missedRequired, falsePositives: s.falsePositives.length };
}

async function main() {
  const fixtureRaw = readFileSync(path.join(FIXTURES_DIR, "voz-trump-petro.txt"), "utf8");
  const { expected } = loadFixture();
  const big = corpus();
  console.log(`fixture ${kb(bytes(fixtureRaw))}; corpus ${kb(bytes(big))} (the ${path.relative(process.cwd(), SAMPLES_DIR)} articles repeated)\n`);

  const coldOurs = await timeOnce(() => ours(fixtureRaw));
  let harper: HarperChecker | null = null;
  let harperError = "";
  let coldHarper = 0;
  try {
    const started = await timeOnce(createHarper);
    harper = started.value;
    coldHarper = started.ms + (await timeOnce(() => harper!.lint(fixtureRaw))).ms;
  } catch (e) {
    harperError = e instanceof Error ? e.message : String(e);
  }

  // the same plan for both: small inputs get a second of warm-up and two of timing, the corpus a few whole runs
  const small = { warmups: 20, warmupMs: 1000, runs: 21, runMs: 2000 };
  const large = { warmups: 1, warmupMs: 0, runs: 3, runMs: 0 };
  const oursFixture = await throughput(bytes(fixtureRaw), small, () => ours(fixtureRaw));
  const oursCorpus = await throughput(bytes(big), large, () => ours(big));
  const harperFixture = harper ? await throughput(bytes(fixtureRaw), small, () => harper!.lint(fixtureRaw)) : null;
  const harperCorpus = harper ? await throughput(bytes(big), large, () => harper!.lint(big)) : null;

  const ratio = (a: Throughput, b: Throughput | null) => (b ? `${(a.kbPerSecond / b.kbPerSecond).toFixed(1)}×` : "n/a");
  console.log(`Throughput (median of ${oursFixture.runs}/${harperFixture?.runs ?? 0} fixture runs and ${oursCorpus.runs}/${harperCorpus?.runs ?? 0} corpus runs after warm-up; KB/s of UTF-8 input)`);
  console.log(
    table(
      ["text", "copydesk KB/s", "copydesk ms", "harper.js KB/s", "harper.js ms", "copydesk / harper"],
      [
        ["fixture", rate(oursFixture), oursFixture.ms.toFixed(2), harperFixture ? rate(harperFixture) : "n/a", harperFixture?.ms.toFixed(1) ?? "n/a", ratio(oursFixture, harperFixture)],
        ["~1 MB corpus", rate(oursCorpus), oursCorpus.ms.toFixed(0), harperCorpus ? rate(harperCorpus) : "n/a", harperCorpus?.ms.toFixed(0) ?? "n/a", ratio(oursCorpus, harperCorpus)],
      ],
    ),
  );
  console.log(`\nCold start (first fixture check, incl. loading): copydesk ${coldOurs.ms.toFixed(0)} ms (dictionary expansion), harper.js ${harper ? `${coldHarper.toFixed(0)} ms (WebAssembly setup)` : "n/a"}`);

  const mine = ours(fixtureRaw);
  const q1 = quality(mine.text, expected, mine.findings);
  const rows: Array<Array<string | number>> = [["copydesk", mine.findings.length, q1.found, q1.missed.join(", ") || "-", q1.falsePositives]];
  if (harper) {
    const lints = await harper.lint(fixtureRaw);
    const q2 = quality(fixtureRaw, expected, lints);
    rows.push(["harper.js", lints.length, q2.found, q2.missed.join(", ") || "-", q2.falsePositives]);
  }
  console.log("\nFixture quality (a finding counts when its category matches and it overlaps the defect's text; false positive = matches no listed defect)");
  console.log(table(["checker", "findings", "required found", "required missed", "false positives"], rows));
  if (!harper) console.log(`\nharper.js could not run: ${harperError}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
