import { defineConfig } from "@playwright/test";
import { browserSettings } from "./playwright.shared";
import { freePortSync } from "./scripts/free-port";

// E2E_PORT lets a second run (another build, see NEXT_DIST_DIR) go on beside the usual one. Unset,
// 3100 if it is free, else any free port: another program on 3100 must not fail `npm test`. The
// choice goes into the environment, which the test workers inherit, so they all use the same one.
process.env.E2E_PORT ??= String(freePortSync(3100));
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }], ["json", { outputFile: "reports/playwright.json" }]],
  ...browserSettings(PORT),
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${PORT}/signin`,
    // a production build; a busy machine (parallel runs) may need longer: E2E_SERVER_TIMEOUT_MS
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 240_000),
    reuseExistingServer: false,
    env: { PORT: String(PORT) },
  },
});
