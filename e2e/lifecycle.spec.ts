import { expect, test, type Browser, type Page } from "@playwright/test";
import { fixtureText, ingestPasted, selectText, signIn } from "./helpers";

async function mark(page: Page, exact: string, replacement: string) {
  await selectText(page, exact);
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill(replacement);
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(form).toHaveCount(0);
}

const card = (page: Page, text: string) => page.getByRole("article", { name: /^Annotation \d+/ }).filter({ hasText: text });
const finding = (page: Page, text: string) => page.getByRole("article", { name: /^Suggestion \d+/ }).filter({ hasText: text });

async function asReviewer(browser: Browser, articlePath: string) {
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.goto(articlePath);
  return { reviewer, context };
}

test("a change sent back (needs work) holds the article's approval up", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  await mark(page, "thecapture", "the capture");
  await mark(page, "HouseAFP", "House AFP");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();

  const { reviewer, context } = await asReviewer(browser, articlePath);
  await card(reviewer, "thecapture").getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 2 ·/)).toBeVisible();
  const credit = card(reviewer, "HouseAFP");
  await credit.getByRole("button", { name: /Request changes on/ }).click();
  await credit.getByLabel("What should change?").fill("Keep the credit apart: House (AFP).");
  await credit.getByRole("button", { name: "Send back" }).click();
  await expect(credit).toContainText("needs work");

  // the needs-work change (and the findings nobody handled) keep the article open
  await expect(reviewer.getByRole("button", { name: "Approve article" })).toBeDisabled();
  await expect(reviewer.getByText(/still open/)).toBeVisible();
  // and the reviewer is told what the editor needs before they can rework it
  await expect(reviewer.getByText(/1 change is sent back for rework: send the article back to editing/)).toBeVisible();

  // sending the article back is the way forward, and it unlocks the editor
  await reviewer.getByRole("button", { name: "Request changes…" }).first().click();
  await reviewer.getByLabel("What should the editor do?").fill("Answer the note on the credit.");
  await reviewer.getByRole("button", { name: "Send back to editing" }).click();
  await expect(reviewer.getByText("Editing", { exact: true })).toBeVisible();
  await context.close();
  await page.reload();
  await expect(card(page, "HouseAFP").getByRole("button", { name: /Edit annotation/ })).toBeVisible();
  // the editor reads why it came back, and from whom
  const why = page.getByRole("region", { name: "Sent back to editing" });
  await expect(why).toContainText("Sent back by Rita Reviewer");
  await expect(why).toContainText("Answer the note on the credit.");
  // once submitted again, the comment has been answered
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await expect(why).toHaveCount(0);
});

test("machine findings nobody handled hold approval up; the reviewer accepts, dismisses or waives them, and the waiver shows in the change report", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  const articleId = articlePath.split("/").pop()!;
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();

  const { reviewer, context } = await asReviewer(browser, articlePath);
  await expect(reviewer.getByRole("button", { name: "Approve article" })).toBeDisabled();

  // one click takes the machine's fix as it stands into a new revision
  await finding(reviewer, "thecapture").getByRole("button", { name: /Accept fix/ }).click();
  await expect(reviewer.getByText(/^Revision 2 ·/)).toBeVisible();

  // the first finding left is let stand, with a reason
  const first = reviewer.getByRole("article", { name: /^Suggestion \d+/ }).first();
  const waivedText = (await first.locator("p.font-serif").textContent())!.split("→")[0].trim().slice(0, 20);
  await first.getByRole("button", { name: /Waive finding/ }).click();
  await first.getByLabel(/Why may it stand/).fill("Left as the wire service wrote it");
  await first.getByRole("button", { name: "Waive finding", exact: true }).click();
  await expect(reviewer.getByRole("article", { name: /^Annotation \d+/ }).filter({ hasText: "Left as the wire service wrote it" })).toContainText("waived");

  // the rest are dismissed, one by one
  const dismiss = reviewer.getByRole("button", { name: /^Dismiss finding/ });
  for (let n = await dismiss.count(); n > 0; n--) {
    await dismiss.first().click();
    await expect(dismiss).toHaveCount(n - 1);
  }
  await reviewer.getByRole("button", { name: "Approve article" }).click();
  await expect(reviewer.getByText("Approved", { exact: true })).toBeVisible();

  const report = await (await reviewer.request.get(`/articles/${articleId}/export/changes.md`)).text();
  expect(report).toContain("## Waived findings");
  expect(report).toContain("Left as the wire service wrote it");
  expect(report).toContain("Rita Reviewer");
  expect(waivedText.length).toBeGreaterThan(0);
  await context.close();
});

test("in review the editor's controls are gone and the server refuses a stale page's edit", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  await mark(page, "thecapture", "the capture");

  // a second tab, opened while the article is still being edited, that lost its live connection
  // (a dropped network): it keeps its buttons, and only the server can stop it
  const stale = await context.newPage();
  await stale.route("**/api/events**", (route) => route.abort());
  await stale.goto(articlePath);
  await expect(card(stale, "thecapture").getByRole("button", { name: /Delete annotation/ })).toBeVisible();

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "the text and marks stay as they were submitted" })).toBeVisible();
  await expect(card(page, "thecapture").getByRole("button", { name: /Edit annotation|Delete annotation/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Accept suggestion|Dismiss suggestion/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-check" })).toHaveCount(0);
  await expect(page.getByLabel("Text to mark")).toHaveCount(0);
  await expect(page.getByLabel("Kind of block 1")).toHaveCount(0);
  await selectText(page, "Petro");
  await expect(page.getByRole("form", { name: "New annotation" })).toHaveCount(0);

  // the stale tab still shows Delete: the server says no, and nothing is deleted
  stale.on("dialog", (d) => d.accept());
  await card(stale, "thecapture").getByRole("button", { name: /Delete annotation/ }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "in review" })).toBeVisible();
  await page.reload();
  await expect(card(page, "thecapture")).toHaveCount(1);
});
