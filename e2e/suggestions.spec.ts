import { expect, test } from "@playwright/test";
import { fixtureText, ingestPasted, signIn } from "./helpers";

test("an editor works through the fixture's suggestions: accept (edited first), dismiss, re-check; an admin undoes a dismissal", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());

  // the text is there at once; the suggestions arrive when the checks finish
  await expect(page.getByRole("region", { name: "Article text" })).toContainText("thecapture");
  await expect(page.getByRole("status").filter({ hasText: /suggestions? from the automatic checks/ })).toBeVisible({ timeout: 15_000 });
  // a card quotes its neighbours too: find it by the words it marks
  const suggestion = (exact: string) => page.getByRole("article", { name: /^Suggestion \d+/ }).filter({ has: page.locator("[data-quote]").getByText(exact, { exact: true }) });
  await expect(suggestion("thecapture")).toContainText("the capture");
  await expect(suggestion("thecapture")).toContainText("check:");

  // accept, editing the replacement first: the form opens inside the card
  await suggestion("thecapture").getByRole("button", { name: /Edit suggestion \d+ before accepting/ }).click();
  const form = suggestion("thecapture").getByRole("form", { name: /Accept suggestion/ });
  await form.getByRole("textbox", { name: "Note" }).fill("confirmed against the wire copy");
  await form.getByRole("button", { name: "Accept as proposed change" }).click();
  const accepted = page.getByRole("article", { name: /^Annotation \d+: Missing space/ }).filter({ has: page.locator("[data-quote]").getByText("thecapture", { exact: true }) });
  await expect(accepted).toContainText("proposed");
  await expect(accepted).toContainText("confirmed against the wire copy");

  // dismiss the glued caption credit suggestion, then re-check: it does not come back
  await expect(suggestion("HouseAFP")).toHaveCount(1);
  await suggestion("HouseAFP").getByRole("button", { name: /Dismiss suggestion/ }).click();
  await expect(suggestion("HouseAFP")).toHaveCount(0);
  await page.getByRole("button", { name: "Re-check" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Checks done: 0 new suggestions");
  await page.reload();
  await expect(suggestion("HouseAFP")).toHaveCount(0);
  await expect(accepted).toHaveCount(1);

  // the attribution view pairs quotes with speakers
  await page.getByRole("tab", { name: /Attribution/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "leader of illegal drug trafficking" })).toContainText("Donald Trump");
  await expect(page.getByRole("row").filter({ hasText: "kidnapping" })).toContainText("Gustavo Petro");
  await expect(page.getByRole("row").filter({ hasText: "The Art of the Deal" })).toHaveCount(0);

  // an admin sees the dismissal and undoes it; the suggestion is back
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "Dismissals" }).click();
  await admin.getByRole("button", { name: /Undo dismissal of “HouseAFP/ }).first().click();
  await admin.goto(articlePath);
  await expect(admin.getByRole("article", { name: /^Suggestion \d+/ }).filter({ has: admin.locator("[data-quote]").getByText("HouseAFP", { exact: true }) })).toHaveCount(1);
  await adminContext.close();
});

test("the newsroom dictionary is admin-only and takes effect on the next check", async ({ page }) => {
  await signIn(page, "editor");
  const forbidden = await page.goto("/admin/dictionary");
  expect(forbidden?.status()).toBe(403);
  await page.goto("/signin");
  await page.context().clearCookies();
  await signIn(page, "admin");
  await page.goto("/admin/dictionary");
  const word = `Zorblatt${Date.now() % 100000}`;
  await page.getByLabel("Add a word").fill(word);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("list", { name: "Dictionary words" })).toContainText(word);
  await page.getByLabel("Add a word").fill("two words");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("One word only")).toBeVisible();
  await page.getByRole("button", { name: `Remove ${word}` }).click();
  await expect(page.getByRole("list", { name: "Dictionary words" })).not.toContainText(word);
});
