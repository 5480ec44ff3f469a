import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, fixtureText, ingestPasted, mark, signIn } from "./helpers";

// Issue 10, items 5 and 6, and Show changes: the article page as a working desk meets it.

// a card quotes its neighbours too: find it by the words it marks
const marking = (page: Page, exact: string) => ({ has: page.locator("[data-quote]").getByText(exact, { exact: true }) });
const card = (page: Page, exact: string) => page.getByRole("article", { name: /^Annotation \d+/ }).filter(marking(page, exact));
const finding = (page: Page, exact: string) => page.getByRole("article", { name: /^Suggestion \d+/ }).filter(marking(page, exact));
const confirmation = (page: Page) => page.getByTestId("confirmation");
const numberOf = async (c: ReturnType<typeof card>) => Number((await c.getAttribute("aria-label"))!.match(/^\w+ (\d+)/)![1]);

async function as(browser: Browser, who: "reviewer" | "reviewer2", path: string, timezoneId?: string, { live = true } = {}) {
  const context = await browser.newContext({ timezoneId });
  // without live updates a page stays as it was loaded: a reviewer whose connection dropped, whose
  // page would otherwise refresh itself as soon as the other reviewer's decision is announced
  if (!live) await context.route("**/api/events**", (route) => route.abort());
  const page = await context.newPage();
  await signIn(page, who);
  await page.goto(path);
  return { page, context };
}

test("a stale reviewer's conflict shows inside the card that was clicked, which then shows what happened; submit and approve confirm visibly", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const path = await ingestPasted(page, fixtureText());
  await mark(page, "thecapture", "missing_space", { replace: "the capture" });
  await mark(page, "HouseAFP", "missing_space", { replace: "House AFP" });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(confirmation(page)).toContainText("Submitted for review");

  const first = await as(browser, "reviewer", path);
  const stale = await as(browser, "reviewer2", path, undefined, { live: false });
  await card(first.page, "thecapture").getByRole("button", { name: /Approve change/ }).click();
  await expect(confirmation(first.page)).toContainText(/Approved change \d+ — applied as revision 2/);

  // the second reviewer's page still offers Approve: the refusal lands in that card, not atop the panel
  const id = await card(stale.page, "thecapture").getAttribute("data-annotation-id");
  const staleCard = stale.page.locator(`[data-annotation-id="${id}"]`);
  await staleCard.getByRole("button", { name: /Approve change/ }).click();
  await expect(staleCard.getByRole("alert")).toContainText(/already decided|changed this since/);
  await expect(stale.page.getByRole("alert").filter({ hasText: /already decided|changed this since/ })).toHaveCount(1);
  // …and the card reloaded: it is applied now, with no Approve button left to press
  await expect(staleCard).toHaveAttribute("data-state", "applied");
  await expect(staleCard.getByRole("button", { name: /Approve change/ })).toHaveCount(0);

  // a rejection confirms visibly too
  const credit = card(stale.page, "HouseAFP");
  await credit.getByRole("button", { name: /Reject change/ }).click();
  await credit.getByLabel("Reason (the editor sees it)").fill("Keep the agency's credit as sent.");
  await credit.getByRole("button", { name: "Reject change", exact: true }).click();
  await expect(confirmation(stale.page)).toContainText(/Change \d+ rejected/);
  await first.context.close();
  await stale.context.close();
});

test("an editor accepts a machine fix in one click, accepts a category after a preview; numbers stay put and cards show context", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  await ingestPasted(page, fixtureText());

  // cards quote the marked words in their sentence
  await expect(finding(page, "thecapture")).toContainText("following thecapture of dictator");
  const credit = finding(page, "HouseAFP");
  const creditNumber = await numberOf(credit);
  const captureNumber = await numberOf(finding(page, "thecapture"));

  // one click: no form, the fix is now the editor's proposed change under the same number
  await finding(page, "thecapture").getByRole("button", { name: `Accept suggestion ${captureNumber}` }).click();
  await expect(confirmation(page)).toContainText(`Suggestion ${captureNumber} accepted`);
  await expect(page.getByRole("form")).toHaveCount(0);
  const accepted = page.getByRole("article", { name: new RegExp(`^Annotation ${captureNumber}: Missing space, open`) });
  await expect(accepted).toContainText("the capture");
  // "Edit…" still opens the form, inside the card
  await expect(credit.getByRole("button", { name: `Edit suggestion ${creditNumber} before accepting` })).toBeVisible();

  // a new mark takes the next number; nobody else's number moves
  const before = await page.locator("[data-annotation-id]").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")!.match(/^\w+ (\d+)/)![1]));
  await mark(page, "cordial meeting", "style", { replace: "friendly meeting" });
  const made = card(page, "cordial meeting");
  expect(await numberOf(made)).toBeGreaterThan(Math.max(...before.map(Number)));
  expect(await numberOf(finding(page, "HouseAFP"))).toBe(creditNumber);
  await page.reload();
  expect(await numberOf(finding(page, "HouseAFP"))).toBe(creditNumber);
  expect(await numberOf(card(page, "cordial meeting"))).toBe(await numberOf(made));

  // Accept all of one category, after the same word-diff preview a reviewer sees before bulk approval
  const acceptAll = page.getByRole("region", { name: "Accept all" });
  const category = acceptAll.getByLabel("All suggestions of category");
  const option = (await category.locator("option").allTextContents()).find((t) => /Missing space/.test(t))!;
  const count = Number(option.match(/\((\d+)\)/)![1]);
  await category.selectOption({ label: option });
  await acceptAll.getByRole("button", { name: "Preview category" }).click();
  const preview = acceptAll.getByLabel("Preview of the resulting text");
  await expect(preview.locator("ins").first()).toBeVisible();
  await expect(preview.locator("del").filter({ hasText: "HouseAFP" })).toHaveCount(1);
  await acceptAll.getByRole("button", { name: `Accept ${count} suggestion${count === 1 ? "" : "s"}` }).click();
  await expect(confirmation(page)).toContainText(`Accepted ${count} suggestion`);
  await expect(page.getByRole("article", { name: new RegExp(`^Annotation ${creditNumber}: Missing space, open`) })).toContainText("House AFP");
  await expect(finding(page, "HouseAFP")).toHaveCount(0);
});

test("the text: open, handled and applied marks differ in shape and words; a deletion is a question; labels, not selects; Show changes; local times; audit names the change", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, "editor");
  const path = await ingestPasted(page, fixtureText());
  const articleId = path.split("/").pop()!;
  const text = page.getByRole("region", { name: "Article text" });

  // block kinds are labels; no selector beside every block until the editor asks to edit the structure
  await expect(text.getByRole("combobox")).toHaveCount(0);
  await expect(page.locator('[data-block-kind="headline"]')).toContainText("Headline");
  await page.getByRole("button", { name: "Edit structure" }).click();
  await expect(text.getByRole("combobox").first()).toBeVisible();
  await page.getByRole("button", { name: "Edit structure" }).click();
  await expect(text.getByRole("combobox")).toHaveCount(0);

  await mark(page, "thecapture", "missing_space", { replace: "the capture" });
  await mark(page, "Gustavo Petro and Donald Trump at The White House", "duplicate", { del: true }, 1);

  // a proposed deletion is not drawn struck through as if done: it asks "delete?"
  const duplicate = card(page, "Gustavo Petro and Donald Trump at The White House");
  const duplicateNumber = await numberOf(duplicate);
  const badge = text.getByRole("button", { name: new RegExp(`^Annotation ${duplicateNumber}: Duplicate, open, proposed deletion`) });
  await expect(badge).toContainText("delete?");
  const decoration = (loc: ReturnType<Page["locator"]>) => loc.evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await decoration(text.locator(".mark-duplicate").first())).not.toContain("line-through");
  // …and the Duplicate label is not struck through anywhere
  expect(await decoration(duplicate.locator(".mark-duplicate").filter({ hasText: "Duplicate" }))).not.toContain("line-through");
  await expect(duplicate.locator("del")).toHaveCount(0);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();

  const { page: reviewer, context } = await as(browser, "reviewer", path, "Asia/Tokyo");
  await expectNoSeriousA11yViolations(reviewer);
  await card(reviewer, "thecapture").getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 2 ·/)).toBeVisible();
  const dup = card(reviewer, "Gustavo Petro and Donald Trump at The White House");
  await dup.getByRole("button", { name: /Reject change/ }).click();
  await dup.getByLabel("Reason (the editor sees it)").fill("The repeated caption is the layout's; leave it.");
  await dup.getByRole("button", { name: "Reject change", exact: true }).click();
  await expect(dup).toContainText("rejected");

  // open, handled and applied: told apart by shape and in the accessible name, not by colour alone
  const rtext = reviewer.getByRole("region", { name: "Article text" });
  const captureNumber = await numberOf(card(reviewer, "the capture"));
  const applied = rtext.getByRole("button", { name: new RegExp(`^Annotation ${captureNumber}: Missing space, applied\\.`) });
  await expect(applied).toContainText("✓");
  await expect(applied).toHaveAttribute("data-state", "applied");
  await expect(rtext.getByRole("button", { name: new RegExp(`^Annotation ${duplicateNumber}: Duplicate, handled \\(rejected\\)`) })).toHaveAttribute("data-state", "handled");
  await expect(rtext.getByRole("button", { name: /^Suggestion \d+: .*, open\./ }).first()).toHaveAttribute("data-state", "open");

  // times in the reader's zone, labelled: Tokyo is UTC+9
  const stamp = reviewer.getByRole("main").locator("time").first();
  const iso = (await stamp.getAttribute("datetime"))!;
  const tokyoHour = String((new Date(iso).getUTCHours() + 9) % 24).padStart(2, "0");
  await expect(stamp).toContainText(new RegExp(`${tokyoHour}:\\d\\d GMT\\+9`));

  // Show changes: the applied change marked in place, like a word processor's suggestion mode
  await reviewer.getByRole("button", { name: "Show changes" }).click();
  const changes = reviewer.getByRole("region", { name: "Changes since the original" });
  await expect(changes.locator("del").filter({ hasText: "thecapture" })).toHaveCount(1);
  await expect(changes.locator("ins").filter({ hasText: "the capture" })).toHaveCount(1);
  await changes.locator("ins").first().scrollIntoViewIfNeeded();
  await reviewer.screenshot({ path: testInfo.outputPath("show-changes.png") });
  await reviewer.getByRole("button", { name: "Show changes" }).click();
  await expect(rtext).toBeVisible();

  await reviewer.screenshot({ path: testInfo.outputPath("article-page-reviewer.png"), fullPage: false });
  await testInfo.attach("article-page-reviewer", { path: testInfo.outputPath("article-page-reviewer.png"), contentType: "image/png" });

  // the audit row of the approval says which change
  await reviewer.goto(`/articles/${articleId}/audit`);
  const approval = reviewer.getByRole("row").filter({ hasText: /^.*approve/ }).filter({ hasText: `#${captureNumber}` });
  await expect(approval).toContainText(`change #${captureNumber} “thecapture” → “the capture”`);
  await expect(approval.locator("time")).toContainText("GMT+9");
  await context.close();

  await page.reload();
  await page.screenshot({ path: testInfo.outputPath("article-page-editor.png"), fullPage: false });
  await testInfo.attach("article-page-editor", { path: testInfo.outputPath("article-page-editor.png"), contentType: "image/png" });
});

test("the Export menu closes as menus do (Escape, a click elsewhere), and its W3C annotations come as a file", async ({ page }) => {
  await signIn(page, "editor");
  await ingestPasted(page, `Ferry timetable ${Date.now()}\n\nThe ferry timetable changes on Monday.`);
  const exportButton = page.getByText("Export", { exact: true });
  const plainText = page.getByRole("link", { name: "Plain text" });
  await exportButton.click();
  await expect(plainText).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(plainText).toBeHidden();
  await expect(exportButton).toBeFocused();

  await exportButton.click();
  await expect(plainText).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(plainText).toBeHidden();

  await exportButton.click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Annotations (W3C JSON-LD)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^annotations-.+\.jsonld$/);
  const body = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(body["@context"]).toBeDefined();
});
