import { devices, type PlaywrightTestConfig } from "@playwright/test";

/** The browser both end-to-end configs drive (the one server of e2e/ and the cluster of e2e-cluster/). */
export function browserSettings(port: number): Pick<PlaywrightTestConfig, "use" | "projects"> {
  return {
    use: {
      baseURL: `http://localhost:${port}`,
      trace: "retain-on-failure",
      screenshot: "only-on-failure",
      launchOptions: {
        // Debian's Chromium; Playwright's own browser download is not reachable here
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      },
    },
    projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 1000 } } }],
  };
}
