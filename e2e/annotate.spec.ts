import { expect, test } from "@playwright/test";
import { annotationCard, expectNoSeriousA11yViolations, fixtureText, ingestPasted, selectText, signIn } from "./helpers";

test("editor ingests the fixture, annotates it, edits and deletes; reviewer sees it read-only", async ({ page, browser }, testInfo) => {
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());

  // the detected blocks are labelled beside the text
  const text = page.getByRole("region", { name: "Article text" });
  await expect(text.getByRole("heading", { level: 1 })).toContainText("We get along very well");
  await expect(page.locator('[data-block-kind="byline"]')).toContainText("Emmanuel Alejandro Rondón");
  await expect(page.locator('[data-block-kind="credit"]')).toContainText("AFP");
  await expect(page.locator('[data-block-kind="junk"]')).toContainText("tracking");
  // block kinds are labels; relabelling is a mode of its own
  await expect(page.getByLabel("Kind of block 2")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit structure" }).click();
  await expect(page.getByLabel("Kind of block 2")).toHaveValue("headline");
  await page.getByRole("button", { name: "Edit structure" }).click();

  // 1. "thecapture" → missing space, replaced by "the capture"
  await selectText(page, "thecapture");
  const form = page.getByRole("form", { name: "New annotation" });
  await expect(form).toBeVisible();
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("the capture");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Missing space")).toContainText("the capture");

  // 2. the long Trump quote → attribution, speaker Donald Trump
  const longQuote = "Yeah, we did we worked on it and we got along very well He and I weren't exactly the best of friends";
  await selectText(page, longQuote);
  await form.getByLabel("Category").selectOption("attribution");
  await form.getByRole("button", { name: "Save annotation" }).click();
  // a speaker is required for attribution: the error is tied to the field and the input kept
  await expect(form.getByText("Name the speaker")).toBeVisible();
  await form.getByLabel("Speaker").fill("Donald Trump");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Attribution")).toContainText("Donald Trump");

  // both survive a reload
  await page.reload();
  await expect(annotationCard(page, "Missing space")).toContainText("thecapture");
  await expect(annotationCard(page, "Attribution")).toContainText("Donald Trump");
  await expect(text.locator(".mark-missing_space").filter({ hasText: "thecapture" })).toHaveText("thecapture");

  // clicking a highlight focuses its card (the quote's first words carry only the attribution mark: the
  // checks' run-on suggestion starts at "did we")
  await text.locator(".mark-attribution").filter({ hasText: "Yeah, we" }).first().click();
  await expect(annotationCard(page, "Attribution")).toBeFocused();

  // edit one: change the replacement
  await annotationCard(page, "Missing space").getByRole("button", { name: /Edit annotation/ }).click();
  const edit = page.getByRole("form", { name: /Edit annotation \d+/ });
  await edit.getByRole("textbox", { name: "Note" }).fill("run together in the scrape");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(annotationCard(page, "Missing space")).toContainText("run together in the scrape");

  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("article-page.png"), fullPage: true });
  await testInfo.attach("article-page", { path: testInfo.outputPath("article-page.png"), contentType: "image/png" });

  // delete the other one
  page.once("dialog", (d) => d.accept());
  await annotationCard(page, "Attribution").getByRole("button", { name: /Delete annotation/ }).click();
  await expect(annotationCard(page, "Attribution")).toHaveCount(0);
  await page.reload();
  await expect(annotationCard(page, "Attribution")).toHaveCount(0);
  await expect(annotationCard(page, "Missing space")).toBeVisible();

  // the reviewer sees the annotation, read-only
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.goto(articlePath);
  await expect(annotationCard(reviewer, "Missing space")).toContainText("the capture");
  await expect(reviewer.getByText("Read only")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: /Edit annotation/ })).toHaveCount(0);
  await expect(reviewer.getByLabel("Kind of block 1")).toHaveCount(0);
  await selectText(reviewer, "thecapture");
  await expect(reviewer.getByRole("form", { name: "New annotation" })).toHaveCount(0);
  await reviewerContext.close();
});

test("an empty “Replace with…” is not saved as a deletion, and Escape asks before it throws typed work away", async ({ page }) => {
  await signIn(page, "editor");
  await ingestPasted(page, `Tram works ${Date.now()}\n\nThe tram depot closed for works on Monday, and an internationalcoalition of riders objected.`);
  await selectText(page, "internationalcoalition");
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Replace with…").check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  // nothing saved: the field says what is missing, and has the focus
  await expect(form.getByText("Type the replacement, or choose “Delete the text”.")).toBeVisible();
  await expect(form.getByLabel("Replacement")).toBeFocused();
  await expect(form.getByLabel("Replacement")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("article", { name: /^Annotation \d+/ })).toHaveCount(0);

  // typed work: Escape asks; "keep" (dismissing the question) leaves the form as it was
  await form.getByLabel("Replacement").fill("international coalition");
  await expect(form.getByText("Type the replacement")).toHaveCount(0);
  const asked: string[] = [];
  page.once("dialog", (d) => void (asked.push(d.message()), d.dismiss()));
  await form.getByLabel("Replacement").press("Escape");
  expect(asked).toEqual(["Discard this annotation? What you typed will be lost."]);
  await expect(form.getByLabel("Replacement")).toHaveValue("international coalition");
  // confirmed: the form closes
  page.once("dialog", (d) => void d.accept());
  await form.getByLabel("Replacement").press("Escape");
  await expect(form).toHaveCount(0);

  // an untouched form closes on Escape without a question
  await selectText(page, "depot");
  await expect(form).toBeVisible();
  page.once("dialog", (d) => void (asked.push(d.message()), d.dismiss()));
  await form.getByLabel("Category").press("Escape");
  await expect(form).toHaveCount(0);
  expect(asked).toHaveLength(1);
});
