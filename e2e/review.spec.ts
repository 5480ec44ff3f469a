import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, fixtureText, ingestPasted, mark, signIn } from "./helpers";

// a card quotes its neighbours too: find it by the words it marks
const card = (page: Page, exact: string) => page.getByRole("article", { name: /^Annotation \d+/ }).filter({ has: page.locator("[data-quote]").getByText(exact, { exact: true }) });

test("editor proposes four fixes; a reviewer approves three, rejects one; exports, history and report tell the story", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  const articleId = articlePath.split("/").pop()!;

  await mark(page, "thecapture", "missing_space", { replace: "the capture" });
  await mark(page, "HouseAFP", "missing_space", { replace: "House AFP" });
  await mark(page, "Gustavo Petro and Donald Trump at The White House", "duplicate", { del: true }, 1);
  await mark(page, "at The White House", "style", { replace: "at the White House" }, 2);
  await expect(page.getByRole("article", { name: /^Annotation \d+/ })).toHaveCount(4);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review")).toBeVisible();

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.getByRole("link", { name: "Review queue" }).click();
  await expect(reviewer.getByRole("row").filter({ hasText: "4 changes to decide" })).toBeVisible();
  await reviewer.goto(articlePath);

  await expectNoSeriousA11yViolations(reviewer);

  // approve the missing space, then the caption/credit split, then the duplicate
  await card(reviewer, "thecapture").getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 2 ·/)).toBeVisible();
  await card(reviewer, "HouseAFP").getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 3 ·/)).toBeVisible();
  await card(reviewer, "Gustavo Petro and Donald Trump at The White House").getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 4 ·/)).toBeVisible();

  // reject the style change with a reason
  const style = reviewer.getByRole("article", { name: /^Annotation \d+: Style/ });
  await style.getByRole("button", { name: /Reject change/ }).click();
  await style.getByLabel("Reason (the editor sees it)").fill("The caption is the photo agency's wording; leave it.");
  await style.getByRole("button", { name: "Reject change", exact: true }).click();
  await expect(style).toContainText("rejected");

  // the machine findings nobody handled must be handled before the article can be approved
  await expect(reviewer.getByRole("button", { name: "Approve article" })).toBeDisabled();
  const dismiss = reviewer.getByRole("button", { name: /^Dismiss finding/ });
  for (let n = await dismiss.count(); n > 0; n--) {
    await dismiss.first().click();
    await expect(dismiss).toHaveCount(n - 1);
  }
  await reviewer.getByRole("button", { name: "Approve article" }).click();
  await expect(reviewer.getByText("Approved", { exact: true })).toBeVisible();

  // exports of the current revision
  const txt = await (await reviewer.request.get(`/articles/${articleId}/export/txt`)).text();
  expect(txt).toContain("following the capture of");
  expect(txt).not.toContain("thecapture");
  expect(txt.match(/Gustavo Petro and Donald Trump at The White House/g)).toHaveLength(1);
  const html = await (await reviewer.request.get(`/articles/${articleId}/export/html`)).text();
  expect(html).toContain("<h1>&quot;We get along very well&quot;");
  expect(html).toMatch(/<figcaption>Gustavo Petro and Donald Trump at The White House <span class="credit">AFP<\/span><\/figcaption>/);
  const csv = await (await reviewer.request.get(`/articles/${articleId}/export/changes.csv`)).text();
  const rows = csv.trim().split("\r\n");
  expect(rows).toHaveLength(4); // header + three applied changes
  for (const row of rows.slice(1)) {
    expect(row).toContain("Eddie Editor");
    expect(row).toContain("Rita Reviewer");
  }
  const report = await (await reviewer.request.get(`/articles/${articleId}/export/changes.md`)).text();
  expect(report).toContain("3 applied changes");

  // history: original vs current shows the changes
  await reviewer.goto(`${articlePath}/history`);
  await expect(reviewer.getByRole("heading", { name: "Revision 4" })).toBeVisible();
  const diff = reviewer.getByLabel("Word diff from revision 1 to 4");
  await expect(diff.locator("del").filter({ hasText: "thecapture" })).toHaveCount(1);
  await expect(diff.locator("ins").filter({ hasText: "the capture" })).toHaveCount(1);
  // each revision has a stable page (the target of exported W3C annotations)
  await reviewer.getByRole("link", { name: "Revision 1", exact: true }).click();
  await reviewer.waitForURL(/\/revisions\/1$/);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Revision 1" })).toBeVisible();
  await expect(reviewer.getByRole("main").locator("dd").filter({ hasText: "following thecapture of" })).toHaveCount(1);
  await reviewerContext.close();

  // the editor sees the rejection reason
  await page.reload();
  await expect(page.getByRole("article", { name: /^Annotation \d+: Style/ })).toContainText("The caption is the photo agency's wording");
  await page.screenshot({ path: test.info().outputPath("review-editor-view.png"), fullPage: true });
});

test("self-approval is refused with 403; two reviewers approving the same change at once: exactly one succeeds", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // an admin both proposes and reviews: the server refuses to let them approve their own change
  await signIn(page, "admin");
  const articlePath = await ingestPasted(page, fixtureText());
  const articleId = articlePath.split("/").pop()!;
  await mark(page, "thecapture", "missing_space", { replace: "the capture" });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(card(page, "thecapture")).toContainText("You proposed this; another reviewer decides it.");
  const id = await firstAnnotationId(page);
  const own = await page.request.post("/api/review/approve", { data: { articleId, decisions: [{ id, version: 1 }] } });
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toContain("cannot approve a change you proposed");

  // an editor is not a reviewer: 403 as well
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor2");
  const notReviewer = await editor.request.post("/api/review/approve", { data: { articleId, decisions: [{ id, version: 1 }] } });
  expect(notReviewer.status()).toBe(403);
  await editorContext.close();

  // two reviewers in two browsers press Approve on the same change at the same moment
  const [c1, c2] = [await browser.newContext(), await browser.newContext()];
  const [r1, r2] = [await c1.newPage(), await c2.newPage()];
  await signIn(r1, "reviewer");
  await signIn(r2, "reviewer2");
  await r1.goto(articlePath);
  await r2.goto(articlePath);
  const approve = (p: Page) => card(p, "thecapture").getByRole("button", { name: /Approve change/ });
  await expect(approve(r1)).toBeVisible();
  await expect(approve(r2)).toBeVisible();
  // both presses land at once: with click()'s checks in between, a slow machine let the first approval
  // reach the second page live, which then rightly no longer offered the button, and the test waited on
  await Promise.all([approve(r1).dispatchEvent("click"), approve(r2).dispatchEvent("click")]);
  const refused = (p: Page) => p.getByRole("main").getByRole("alert").filter({ hasText: /already decided|changed this since/ });
  await expect.poll(async () => (await refused(r1).count()) + (await refused(r2).count())).toBe(1);
  // exactly one revision was made
  await r1.reload();
  await expect(r1.getByText(/^Revision 2 ·/)).toBeVisible();
  const revisions = await r1.request.get(`/articles/${articleId}/export/changes.csv`);
  expect((await revisions.text()).trim().split("\r\n")).toHaveLength(2);
  await c1.close();
  await c2.close();
});

async function firstAnnotationId(page: Page): Promise<string> {
  return (await page.locator("[data-annotation-id]").first().getAttribute("data-annotation-id"))!;
}

test("an admin who marked a paragraph as page residue cannot sign the article off; the button says why; another reviewer can, and the change report shows the relabel", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const title = `Pier closes ${Date.now()}`;
  await signIn(page, "admin");
  const articlePath = await ingestPasted(page, `${title}\n\nThe pier closed on Tuesday for repairs.\n\nThe mayor admitted the figures were wrong.`);
  await expect(page.getByText("Checking the article…")).toHaveCount(0, { timeout: 20_000 });
  // dropping the admission from the published story: no change for anyone to decide
  await page.getByRole("button", { name: "Edit structure" }).click();
  await page.getByLabel("Kind of block 3").selectOption("junk");
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review")).toBeVisible();
  await expect(page.getByText("Checking the article…")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Approve article" })).toBeDisabled();
  await expect(page.getByText("You relabelled blocks of this article, which changes what is published; another reviewer must approve it.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/relabel-approve-refused.png" });

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.goto(articlePath);
  await expect(reviewer.getByText(/You relabelled blocks/)).toHaveCount(0);
  // the checks of the relabelled block found it is page residue: the reviewer lets that stand, then signs off
  const finding = reviewer.getByRole("article", { name: /^Suggestion \d+/ }).first();
  await finding.getByRole("button", { name: /Waive finding/ }).click();
  await finding.getByLabel(/Why may it stand/).fill("Marked as residue on purpose");
  await finding.getByRole("button", { name: "Waive finding", exact: true }).click();
  await reviewer.getByRole("button", { name: "Approve article" }).click();
  await expect(reviewer.getByText("Approved", { exact: true })).toBeVisible();
  const report = await (await reviewer.request.get(`${articlePath}/export/changes.md`)).text();
  expect(report).toContain("1 relabelled block");
  // (cells are Markdown-escaped: "\:" and "\.")
  expect(report).toContain("| 2 | block kind | block 3, paragraph\\: The mayor admitted the figures were wrong\\. | junk | Ada Admin |");
});
