import { expect, test, type Browser, type Page } from "@playwright/test";
import { ingestPasted, selectText, signIn, type DemoUser } from "./helpers";

async function as(browser: Browser, who: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

/** set on the page's window: still there later means the page was never reloaded */
const plant = (page: Page) => page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 7));
const notReloaded = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(7);

async function mark(page: Page, exact: string, replacement: string, note = "") {
  await selectText(page, exact);
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill(replacement);
  if (note) await form.getByLabel("Note").fill(note);
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(form).toHaveCount(0);
}

const presence = (page: Page) => page.getByRole("status", { name: "Who else is here" });
const handMade = (page: Page) => page.getByRole("article", { name: /^Annotation \d+/ });

test("the queue, the article page and presence follow another person's work without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Bridge reopens ${Date.now()}`;
  const editor = await as(browser, "editor");
  const refused: string[] = [];
  editor.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await ingestPasted(editor, `${title}\n\nCrews finished thereplacement of two cables on Monday.`);
  await mark(editor, "thereplacement", "the replacement");

  const reviewer = await as(browser, "reviewer");
  await reviewer.goto("/review");
  await plant(reviewer);
  await expect(reviewer.getByRole("link", { name: title })).toHaveCount(0);
  await editor.getByRole("button", { name: "Submit for review" }).click();
  // the desk-wide stream: the submitted article appears in the open queue
  await expect(reviewer.getByRole("link", { name: title })).toBeVisible({ timeout: 10_000 });
  await notReloaded(reviewer);

  await plant(editor);
  await reviewer.getByRole("link", { name: title }).click();
  await expect(presence(editor)).toHaveText("●Rita Reviewer (reviewer) is here");
  await expect(presence(reviewer)).toHaveText("●Eddie Editor (editor) is here");

  await handMade(reviewer).getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.getByText(/^Revision 2 ·/)).toBeVisible();
  // the editor's open page shows the applied change
  await expect(editor.getByText(/^Revision 2 ·/)).toBeVisible({ timeout: 10_000 });
  // (badges sit inside the text, so look for the words, not the sentence)
  await expect(editor.getByLabel("Article text")).toContainText("finished the replacement");
  await expect(editor.getByLabel("Article text")).not.toContainText("thereplacement");
  await notReloaded(editor);

  await reviewer.close();
  await expect(presence(editor)).toHaveText("", { timeout: 10_000 });
  // the stream is same-origin under the page's strict CSP, and no inline script was needed
  expect(refused).toEqual([]);
});

test("the event stream is for signed-in people only", async ({ request }) => {
  expect((await request.get("/api/events")).status()).toBe(401);
  expect((await request.get("/api/events?article=x")).status()).toBe(401);
});

test("an update from someone else never disturbs what the editor is typing", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await as(browser, "editor");
  const articlePath = await ingestPasted(editor, `Harbour works ${Date.now()}\n\nThe crane liftedthe last beam. Work endedon Friday.`);
  await plant(editor);
  await selectText(editor, "liftedthe");
  const form = editor.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Note").fill("Half-typed thought about the cr");

  const colleague = await as(browser, "editor2");
  await colleague.goto(articlePath);
  await expect(presence(editor)).toHaveText("●Erin Second-Editor (editor) is here");
  await mark(colleague, "endedon", "ended on");

  // the editor's form is open: the update waits, and says so; their text stays as typed
  await expect(editor.getByRole("status", { name: "Updates" })).toContainText("Someone else changed this article");
  await form.getByLabel("Note").pressSequentially("ane");
  await expect(form.getByLabel("Note")).toHaveValue("Half-typed thought about the crane");
  await expect(handMade(editor)).toHaveCount(0);

  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("lifted the");
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(form).toHaveCount(0);
  // once the form is closed the held-back update arrives: both marks, and the editor's own note
  await expect(handMade(editor)).toHaveCount(2, { timeout: 10_000 });
  await expect(editor.getByText("Half-typed thought about the crane")).toBeVisible();
  await notReloaded(editor);
});

/**
 * An editor on a new article whose checks are done (so no later event of theirs can refresh another
 * page by chance), and a reviewer signed in elsewhere; `row` is the article's row in the reviewer's list.
 */
async function editorAndReviewer(browser: Browser, title: string, body: string) {
  const editor = await as(browser, "editor");
  await ingestPasted(editor, `${title}\n\n${body}`);
  await expect(editor.getByText("Checking the article…")).toHaveCount(0, { timeout: 20_000 });
  const reviewer = await as(browser, "reviewer");
  const row = () => reviewer.getByRole("row", { name: new RegExp(title) });
  return { editor, reviewer, row };
}

test("a change made after the page was read but before its live stream opened still reaches it", async ({ browser }) => {
  const title = `Late stream ${Date.now()}`;
  const { editor, reviewer, row } = await editorAndReviewer(browser, title, "The ferry ran late on Monday.");
  // the reviewer's list is rendered, but its stream waits (a slow phone still hydrating the page)
  let letThrough!: () => void;
  const held = new Promise<void>((r) => (letThrough = r));
  await reviewer.route("**/api/events*", async (route) => {
    await held;
    await route.continue();
  });
  await reviewer.goto(`/?q=${encodeURIComponent("Late stream")}`);
  await plant(reviewer);
  await expect(reviewer.getByRole("link", { name: title })).toBeVisible();
  // meanwhile the editor marks something: the list's counts change, and the one event about it
  // goes out while the reviewer's page has no stream yet
  await mark(editor, "ferry", "ferry boat");
  letThrough();
  await expect(row()).toContainText("Missing space: 1", { timeout: 10_000 });
  await notReloaded(reviewer);
});

test("a live stream answered with an error (a server restarting) is opened again, and updates resume", async ({ browser }) => {
  const title = `Stream retry ${Date.now()}`;
  const { editor, reviewer, row } = await editorAndReviewer(browser, title, "The library shut early on Friday.");
  let answered = 0;
  await reviewer.route("**/api/events*", async (route) => {
    // the first attempt meets a balancer with no server up; a browser never retries that by itself
    if (answered++ === 0) return route.fulfill({ status: 502, body: "no server" });
    await route.continue();
  });
  await reviewer.goto(`/?q=${encodeURIComponent("Stream retry")}`);
  await plant(reviewer);
  await expect.poll(() => answered, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await mark(editor, "library", "city library");
  await expect(row()).toContainText("Missing space: 1", { timeout: 10_000 });
  await notReloaded(reviewer);
});

test("signed out in another tab: the open article page goes to sign-in, and the others stop seeing them there", async ({ browser }) => {
  const title = `Signed out ${Date.now()}`;
  const { editor, reviewer } = await editorAndReviewer(browser, title, "The tram line closed for repairs.");
  const path = new URL(editor.url()).pathname;
  await reviewer.goto(path);
  await expect(presence(reviewer)).toHaveText("●Eddie Editor (editor) is here");
  // the same browser, another tab: Sign out
  const tab = await editor.context().newPage();
  await tab.goto("/");
  await tab.getByRole("button", { name: "Sign out" }).click();
  await expect(tab).toHaveURL(/\/signin/);
  // the article page's stream learns it at its next check (LIVE_SESSION_RECHECK_MS, 1 s in these tests)
  await expect(editor).toHaveURL(/\/signin/, { timeout: 15_000 });
  await expect(presence(reviewer)).toHaveText("", { timeout: 15_000 });
});

test("signed out elsewhere while typing: the form and its words stay, the save says how to sign in again, and then it goes through", async ({ browser }) => {
  const title = `Typing signed out ${Date.now()}`;
  const { editor } = await editorAndReviewer(browser, title, "The council approved thebudget on Tuesday.");
  await selectText(editor, "thebudget");
  const form = editor.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption("missing_space");
  await form.getByLabel("Replace with…").check();
  await form.getByLabel("Replacement").fill("the budget");
  await form.getByLabel("Note").fill("Joined in the wire copy.");
  // signed out in another tab; the stream hears of it within a second, but the open form holds the page
  const tab = await editor.context().newPage();
  await tab.goto("/");
  await tab.getByRole("button", { name: "Sign out" }).click();
  await expect(tab).toHaveURL(/\/signin/);
  await editor.waitForTimeout(3_000);
  await expect(editor).not.toHaveURL(/\/signin/);
  await expect(form.getByLabel("Note")).toHaveValue("Joined in the wire copy.");
  await form.getByRole("button", { name: "Save annotation" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("Your session has ended");
  // the link signs in in a new tab; this one keeps the form
  const [signin] = await Promise.all([editor.context().waitForEvent("page"), alert.getByRole("link", { name: "Sign in in a new tab" }).click()]);
  await signin.getByLabel("E-mail").fill("editor@copydesk.test");
  await signin.getByLabel("Password").fill("editor-pass");
  await signin.getByRole("button", { name: "Sign in" }).click();
  await expect(signin.getByRole("heading", { name: "Articles" })).toBeVisible();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(form).toHaveCount(0);
  await expect(editor.getByRole("article", { name: /^Annotation \d+/ })).toContainText("Joined in the wire copy.");
  await expect(editor).not.toHaveURL(/\/signin/);
});
