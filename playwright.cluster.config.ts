import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { browserSettings } from "./playwright.shared";

// Browser tests across several app servers on PostgreSQL (issue 11, decision 024): `npm run cluster`
// with two servers and its balancer, on a fresh database made and dropped by scripts/cluster-e2e.mjs.
// CLUSTER_E2E_PORT is the balancer's port; the servers take the next two. The database name goes
// into the environment, which the test workers inherit, so they all agree on it.
process.env.CLUSTER_E2E_PORT ??= "3230";
process.env.CLUSTER_E2E_DB ??= `cluster_e2e_${randomBytes(5).toString("hex")}`;
const PORT = Number(process.env.CLUSTER_E2E_PORT);

export default defineConfig({
  testDir: "e2e-cluster",
  outputDir: "test-results/cluster",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  // two servers and a balancer share the machine's cores with the browser: more patience than e2e/
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright-cluster.json" }]],
  ...browserSettings(PORT),
  webServer: {
    command: "node scripts/cluster-e2e.mjs",
    url: `http://localhost:${PORT}/signin`,
    // a build, when the sources changed since the last one (npm test's first e2e run leaves a current one)
    timeout: 420_000,
    reuseExistingServer: false,
    // let the cluster stop its servers, then drop its database
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      CLUSTER_SERVERS: "2",
      BETTER_AUTH_SECRET: "cluster-e2e-secret-cluster-e2e-secret-0123",
      BETTER_AUTH_URL: `http://localhost:${PORT}`,
      DATABASE_POOL_MAX: "5",
    },
  },
});
