import { expect, test } from "@playwright/test";
import { annotationCard, fixtureText, ingestPasted, selectText, signIn } from "./helpers";

test("signed-out visitors are sent to sign in; a wrong password is refused", async ({ page }) => {
  await page.goto("/articles/new");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail").fill("editor@copydesk.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match");
  await expect(page.getByLabel("E-mail")).toHaveValue("editor@copydesk.test");
});

test("a reviewer gets 403 on the ingest page; an unknown article id is a 404 page", async ({ page }) => {
  await signIn(page, "reviewer");
  const forbidden = await page.goto("/articles/new");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ingest article" })).toHaveCount(0);

  const missing = await page.goto("/articles/does-not-exist");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /404/ })).toBeVisible();
});

test("a stale edit is a conflict: the editor's input is kept and nothing is overwritten", async ({ page, browser }) => {
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  await selectText(page, "thecapture");
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("the capture");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Missing space")).toBeVisible();

  // the editor opens the edit form…
  await annotationCard(page, "Missing space").getByRole("button", { name: /Edit annotation/ }).click();
  const edit = page.getByRole("form", { name: /Edit annotation \d+/ });
  await edit.getByRole("textbox", { name: "Note" }).fill("editor's note, typed while someone else edits");

  // …while an admin changes the same annotation in another browser
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto(articlePath);
  await annotationCard(admin, "Missing space").getByRole("button", { name: /Edit annotation/ }).click();
  await admin.getByRole("form", { name: /Edit annotation \d+/ }).getByRole("textbox", { name: "Note" }).fill("admin got there first");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(annotationCard(admin, "Missing space")).toContainText("admin got there first");
  await adminContext.close();

  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toContainText("Someone changed this annotation");
  await expect(edit.getByRole("textbox", { name: "Note" })).toHaveValue("editor's note, typed while someone else edits");
  await page.reload();
  await expect(annotationCard(page, "Missing space")).toContainText("admin got there first");
});

test("another editor cannot edit or delete someone else's annotation", async ({ page, browser }) => {
  await signIn(page, "editor");
  const articlePath = await ingestPasted(page, fixtureText());
  await selectText(page, "HouseAFP");
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(annotationCard(page, "Missing space")).toBeVisible();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, "editor2");
  await other.goto(articlePath);
  await expect(annotationCard(other, "Missing space")).toBeVisible();
  await expect(other.getByRole("button", { name: /Edit annotation/ })).toHaveCount(0);
  await otherContext.close();
});
