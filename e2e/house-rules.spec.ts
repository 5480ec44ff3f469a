import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// the second admin the seed creates so that house rules can be published by someone other than their author
const ADMIN2 = { email: "admin2@copydesk.test", password: "admin2-pass" };

async function signInAs(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
}

/** Paste and save an article (as helpers' ingestPasted, with room for a machine shared by several builds). */
async function ingestPasted(page: Page, text: string) {
  await page.goto("/articles/new");
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("heading", { name: /Detected structure/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)[^/]+$/, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /from the automatic checks/ })).toBeVisible({ timeout: 30_000 });
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** A made-up word per run, so the rule fires only on this test's articles. */
const word = `glorp${Array.from({ length: 5 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("")}`;
const key = `no-${word}`;

test("a house rule: written with examples, backtested, published by a second admin, fires on a new article, measured, exported", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // an article already in the archive, for the backtest to find
  await signIn(page, "admin");
  await ingestPasted(page, `Archive story\n\nThe ${word} was seen in town on Monday, officials said.`);

  // 1. the admin writes the rule
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "New house rule" }).click();
  const editor = page.getByRole("form", { name: "Rule editor" });
  await editor.getByLabel("Key").fill(key);
  await editor.getByLabel("Title").fill(`${word} is spelled gadget`);
  await editor.getByLabel("Category").selectOption("style");
  await editor.getByLabel("Message shown with each finding").fill(`House style: write “gadget”, not “${word}”.`);
  await editor.getByLabel("Kind").selectOption("substitution");
  await editor.getByLabel("Replace (one word or phrase a line)").fill(word);
  await editor.getByLabel("With", { exact: true }).fill("gadget");
  await editor.getByLabel("Must flag 1").fill(`A ${word} on the table.`);
  await editor.getByLabel("Expected replacement 1 (optional)").fill("gadget");
  await editor.getByLabel("Must pass 1").fill("A gadget on the table.");
  await expectNoSeriousA11yViolations(page);
  await editor.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(new RegExp(`/rules/${key}$`));
  await expect(page.getByRole("heading", { name: /Example results: all pass/ })).toBeVisible();

  // the author cannot publish: the button is there, disabled, with the reason
  const publish = page.getByRole("button", { name: "Publish version 1" });
  await expect(publish).toBeDisabled();
  await expect(page.getByText("You wrote or last edited this draft: another person must publish it.")).toBeVisible();

  // 2. the backtest shows the archive's match in context
  await page.getByRole("button", { name: "Backtest version 1" }).click();
  const backtest = page.getByRole("region", { name: "Backtest on the archive" });
  await expect(backtest.getByText(/^1 match in 1 of \d+ articles read/)).toBeVisible();
  await expect(backtest.getByRole("row", { name: /Archive story .*was seen in town/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/house-rules-draft.png", fullPage: true });

  // 3. a second admin publishes it
  const second = await newPage(browser);
  await signInAs(second, ADMIN2);
  await second.goto(`/rules/${key}`);
  await second.getByRole("button", { name: "Publish version 1" }).click();
  // the page re-renders without its draft; a refusal would be an alert instead (shown in the failure)
  const outcome = second.getByRole("status").filter({ hasText: "published version 1 by" }).or(second.getByRole("alert"));
  await expect(outcome.first()).toContainText("published version 1 by Alex Second-Admin", { timeout: 30_000 });
  await expect(second.getByRole("heading", { name: /^Draft version/ })).toHaveCount(0);
  await second.context().close();

  // 4. it fires on a newly ingested article; the editor accepts one finding and marks another wrong
  const desk = await newPage(browser);
  await signIn(desk, "editor");
  await ingestPasted(desk, `New story\n\nA ${word} fell from the sky.\n\nLater a second ${word} landed in the harbour.`);
  const cards = desk.getByRole("article", { name: /^Suggestion \d+: Style/ }).filter({ hasText: `house:${key}` });
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText("gadget");
  await expectNoSeriousA11yViolations(desk);
  await cards.first().getByRole("button", { name: /^Accept suggestion/ }).click();
  await expect(desk.getByRole("status").filter({ hasText: /accepted/ }).first()).toBeVisible();
  await desk.goto(`/rules/${key}`);
  await expect(desk.getByTestId("precision")).toHaveText("100 %");
  await expect(desk.getByText("(1 of 1 judged right)")).toBeVisible();

  await desk.goBack();
  const left = desk.getByRole("article", { name: /^Suggestion \d+: Style/ }).filter({ hasText: `house:${key}` });
  await expect(left).toHaveCount(1);
  await left.getByRole("button", { name: /is wrong: dismiss it as a false alarm/ }).click();
  await expect(desk.getByRole("status").filter({ hasText: /dismissed as wrong/ }).first()).toBeVisible();
  await desk.goto(`/rules/${key}`);
  await expect(desk.getByTestId("precision")).toHaveText("50 %");
  await expect(desk.getByRole("region", { name: /Measured precision/ }).getByRole("link", { name: new RegExp(`second ${word} landed`) })).toBeVisible();
  await expectNoSeriousA11yViolations(desk);
  await desk.goto("/rules");
  await expect(desk.getByRole("row", { name: new RegExp(`${word} is spelled gadget`) })).toContainText("50 %");
  // the false alarm is listed with its own rule only
  await expect(desk.getByRole("row").filter({ hasText: `second ${word} landed` })).toHaveCount(1);
  await desk.screenshot({ path: "test-results/house-rules-list.png", fullPage: true });
  // an editor neither writes nor exports rules
  await expect(desk.getByRole("link", { name: "New house rule" })).toHaveCount(0);
  expect((await desk.request.get("/rules/export/yaml")).status()).toBe(403);
  await desk.context().close();

  // 5. the admin exports the published set
  const exported = await page.request.get("/rules/export/yaml");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain("house-style.yaml");
  const body = await exported.text();
  expect(body).toContain(`key: ${key}`);
  expect(body).toContain("gadget");
});
