// Sum Vitest's and Playwright's JSON reports into one closing line: "tests: N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
// every argument is a Vitest report (the DB tests run once per database) except the Playwright ones
// (one server; across app servers)
const files = process.argv.slice(2);
const playwrightFiles = files.filter((f) => /playwright/.test(f));
for (const vitestFile of files.filter((f) => !playwrightFiles.includes(f))) {
  if (existsSync(vitestFile)) {
    const v = JSON.parse(readFileSync(vitestFile, "utf8"));
    passed += v.numPassedTests;
    failed += v.numFailedTests + (v.success === false && v.numFailedTests === 0 ? 1 : 0);
    skipped += v.numPendingTests + v.numTodoTests;
  } else failed++;
}
for (const playwrightFile of playwrightFiles) {
  if (existsSync(playwrightFile)) {
    const s = JSON.parse(readFileSync(playwrightFile, "utf8")).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
  } else failed++;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
