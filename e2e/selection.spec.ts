import { expect, test, type Page } from "@playwright/test";
import { annotationCard, fixtureText, ingestPasted, selectText, signIn } from "./helpers";

/** Drag the real mouse across `exact` in the rendered article, as a person would. */
async function dragAcross(page: Page, exact: string) {
  const box = await page.evaluate((exact) => {
    const root = document.querySelector('[aria-label="Article text"]')!;
    for (const span of Array.from(root.querySelectorAll<HTMLElement>("[data-start]"))) {
      const node = span.firstChild as Text;
      const at = node.data.indexOf(exact);
      if (at < 0) continue;
      // a drag that ends at the viewport's edge autoscrolls; put the word mid-screen as a person would
      span.scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + exact.length);
      const rects = r.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`not found: ${exact}`);
  }, exact);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

const articleText = (page: Page) => page.getByRole("region", { name: "Article text" });

test.beforeEach(async ({ page }) => {
  await signIn(page, "editor");
  await ingestPasted(page, fixtureText());
});

test("a real mouse drag over a word opens the form on exactly that text", async ({ page }) => {
  await dragAcross(page, "thecapture");
  const form = page.getByRole("form", { name: "New annotation" });
  await expect(form.locator("blockquote")).toHaveText("thecapture");
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Missing space")).toContainText("thecapture");
});

test("keyboard only: find the text, fill the form, save; focus and announcements follow", async ({ page }) => {
  await page.getByLabel("Text to mark", { exact: true }).fill("very well He");
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New annotation" });
  await expect(form.getByLabel("Category")).toBeFocused();
  await form.getByLabel("Category").selectOption("punctuation");
  await page.keyboard.press("Tab"); // to the change radios
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("very well. He");
  await form.getByLabel("Replacement").press("Enter");
  await expect(annotationCard(page, "Punctuation").filter({ hasText: "very well. He" })).toHaveCount(1);
  await expect(page.getByTestId("confirmation")).toContainText(/Annotation \d+ saved/);
  // the badge in the text is a button: activating it focuses the card
  await page.getByRole("button", { name: /^Annotation \d+: Punctuation, open\. Show its card/ }).press("Enter");
  await expect(annotationCard(page, "Punctuation")).toBeFocused();
});

test("overlapping annotations and one that crosses blocks both render and persist", async ({ page }) => {
  const form = page.getByRole("form", { name: "New annotation" });
  await selectText(page, "Gustavo Petro and Donald Trump", 1);
  await form.getByLabel("Category").selectOption("duplicate");
  await form.getByLabel("Delete the text").check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Duplicate")).toBeVisible();

  await selectText(page, "Donald Trump at The White House", 1);
  await form.getByLabel("Category").selectOption("style");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Style")).toBeVisible();

  // "HouseAFP" spans the caption block and the credit block
  await selectText(page, "HouseAFP");
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("House AFP");
  await form.getByRole("button", { name: "Save annotation" }).click();

  await page.reload();
  await expect(page.getByRole("article", { name: /^Annotation \d/ })).toHaveCount(3);
  // the overlap of the two hand-made marks in the first caption is drawn as one multi-mark piece
  const firstCaption = articleText(page).locator('[data-block-kind="caption"]').first();
  await expect(firstCaption.locator(".mark-multi").filter({ hasText: /^Donald Trump$/ })).toHaveCount(1);
  // the mark across the caption/credit boundary is drawn in both blocks
  await expect(articleText(page).locator('[data-block-kind="credit"] .mark-missing_space')).toHaveText("AFP");
  await expect(articleText(page).locator('[data-block-kind="caption"] .mark-missing_space').last()).toHaveText("House");
  await expect(annotationCard(page, "Missing space")).toContainText("House AFP");
});
