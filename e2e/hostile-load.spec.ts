import { expect, test } from "@playwright/test";
import { deepHtml, longWord, manyQuotes, mixedMegabytes } from "../test/hostile-inputs";
import { createToken, signIn } from "./helpers";

/**
 * Issue 8, item 1: the inputs that froze the server for minutes are checked off the request thread
 * within a budget, so other people's pages keep answering while they are worked on. The bound here
 * (1 s for any page while they run) tells a server that answers from one that is blocked (the old
 * code took 17 s to 20 min); `npm run bench:hostile` measures the latency itself against the 200 ms goal.
 */
test("pages keep answering while the worst inputs are ingested and checked", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin");
  const token = await createToken(page, "Hostile load", /Eddie Editor/);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });

  const bodies = [
    { text: longWord(8_000) },
    { text: manyQuotes(6_000) },
    { text: mixedMegabytes(1_500_000) },
    { html: deepHtml(5_000) },
    { html: deepHtml(50_000) },
  ];
  let done = false;
  const ingests = Promise.all(bodies.map((data) => api.post("/api/articles", { data, timeout: 60_000 }))).finally(() => (done = true));

  const latencies: number[] = [];
  while (!done || latencies.length < 10) {
    const t0 = Date.now();
    const res = await page.request.get("/");
    expect(res.status()).toBe(200);
    latencies.push(Date.now() - t0);
    await page.waitForTimeout(50);
  }
  const responses = await ingests;
  // each hostile body gets an answer: stored (201) or a clear refusal, never a 500
  for (const r of responses) expect([201, 413, 422], await r.text()).toContain(r.status());
  const created = await Promise.all(responses.filter((r) => r.status() === 201).map((r) => r.json()));
  expect(created.length).toBeGreaterThanOrEqual(3);

  // the checks keep running after the responses; keep probing until every article has a final state
  for (const { id } of created) {
    await expect(async () => {
      const t0 = Date.now();
      expect((await page.request.get("/")).status()).toBe(200);
      latencies.push(Date.now() - t0);
      await page.goto(`/articles/${id}`);
      await expect(page.getByRole("status").filter({ hasText: /from the automatic checks|Checks stopped/ })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
  }
  expect(Math.max(...latencies), `page latencies: ${latencies.join(", ")} ms`).toBeLessThan(1_000);
  await api.dispose();
});
