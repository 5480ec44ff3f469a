import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

const HOSTILE = `<!doctype html><html><head><title>Council backs new cycle lanes</title><script>window.pwned = 1; alert("xss")</script></head>
<body><article><h1>Council backs new cycle lanes</h1>
<p>The council voted on Tuesday to build new cycle lanes on three main roads. <img src="x" onerror="window.pwned = 2; alert('xss')"></p>
<p>Read <a href="javascript:window.pwned=3">the full plan</a> on the council site.</p>
<p>Work will start in the spring and last about six months, officials said.</p></article></body></html>`;

let server: Server;
let base: string;
let closedUrl: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(HOSTILE);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // an address where nothing listens: bind a port, then free it
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/never`;
  await new Promise<void>((r) => probe.close(() => r()));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test.beforeEach(async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a dialog opened: injected script ran");
  });
  await signIn(page, "editor");
  await page.goto("/articles/new");
});

test("empty and whitespace-only text get a clear message", async ({ page }) => {
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("empty");
  await page.getByLabel("Article text").fill("   \n\n   ");
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("empty");
  await expect(page.getByLabel("Article text")).toHaveValue("   \n\n   ");
});

test("a binary file and an oversized file are refused; a wrong extension too", async ({ page }) => {
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("File (.txt, .md or .html)").setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("binary");

  await page.getByLabel("File (.txt, .md or .html)").setInputFiles({
    name: "huge.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(2 * 1024 * 1024 + 100, "a"),
  });
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("limit is 2.0 MB");

  await page.getByLabel("File (.txt, .md or .html)").setInputFiles({ name: "story.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 ...") });
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not a .txt, .md or .html file");
});

test("an upload over the limit is refused beside the field before it is sent; what was typed stays", async ({ page }) => {
  const typed = "Ferry timetable changes\n\nThe ferry will leave at seven from Monday, the operator said.";
  await page.getByLabel("Article text").fill(typed);
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("File (.txt, .md or .html)").setInputFiles({
    name: "huge.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(3.5 * 1024 * 1024, "a"),
  });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.locator("#ingest-file-error")).toHaveText("huge.txt is 3.5 MB; the limit is 2.0 MB.");
  await expect(page.getByLabel("File (.txt, .md or .html)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: "Ingest an article" })).toBeVisible();
  await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
  expect(posts).toEqual([]);
  await page.getByLabel("Paste text").check();
  await expect(page.getByLabel("Article text")).toHaveValue(typed);
});

test("hostile HTML upload: nothing runs, the text survives, and the article saves", async ({ page }) => {
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("File (.txt, .md or .html)").setInputFiles({ name: "lanes.html", mimeType: "text/html", buffer: Buffer.from(HOSTILE) });
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByText("Read the full plan on the council site.")).toBeVisible();
  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)/);
  const text = page.getByRole("region", { name: "Article text" });
  await expect(text.getByRole("heading", { level: 1 })).toHaveText("Council backs new cycle lanes");
  await expect(text).toContainText("Work will start in the spring");
  await expect(text).not.toContainText("pwned");
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator("script:not([src])", { hasText: "pwned" }).count()).toBe(0);
});

test("URL ingest: a page served on loopback (allowed in tests) and an unreachable address", async ({ page }) => {
  await page.getByLabel("From a URL").check();
  await page.getByLabel("Story URL").fill(closedUrl);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Could not reach 127.0.0.1");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("ECONNREFUSED");
  await expect(page.getByLabel("Story URL")).toHaveValue(closedUrl);

  await page.getByLabel("Story URL").fill("ftp://example.com/story");
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByText("Use an http:// or https:// address.")).toBeVisible();

  await page.getByLabel("Story URL").fill(`${base}/lanes`);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("heading", { name: /Detected structure/ })).toBeVisible();
  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)/);
  await expect(page.getByRole("region", { name: "Article text" })).toContainText("The council voted on Tuesday");
});

test("block kinds can be changed in the preview and after saving; the list shows and finds the article", async ({ page }) => {
  const title = `Ferry timetable changes ${Date.now()}`;
  await page.getByLabel("Article text").fill(`${title}\n\nMarina Costa\n\nThe ferry will leave at seven from Monday, the operator said in a statement.\n\nsubscribe`);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByLabel("Kind of block 1")).toHaveValue("headline");
  await expect(page.getByLabel("Kind of block 4")).toHaveValue("junk");
  await page.getByLabel("Kind of block 2").selectOption("byline");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)/);
  // on the article page kinds are labels; relabelling happens in Edit structure mode
  await expect(page.getByLabel("Kind of block 2")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit structure" }).click();
  await expect(page.getByLabel("Kind of block 2")).toHaveValue("byline");
  await page.getByLabel("Kind of block 3").selectOption("dek");
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Edit structure" }).click();
  await expect(page.getByLabel("Kind of block 3")).toHaveValue("dek");

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search titles" }).fill(title.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2); // header + the one match
  await expectNoSeriousA11yViolations(page);
});

test("text changed after the preview: Save reads it again and stores what the editor sees, never the old preview", async ({ page }) => {
  const title = `Bridge reopens in March ${Date.now()}`;
  await page.getByLabel("Article text").fill(`${title}\n\nCrews finished the work on Monday and the bridge reopens in March, the city said.`);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("heading", { name: /Detected structure/ })).toBeVisible();

  const edited = title.replace("March", "April");
  await page.getByLabel("Article text").fill(`${edited}\n\nCrews finished the work on Monday and the bridge reopens in April, the city said.`);
  await expect(page.getByText("The source has changed since this preview.")).toBeVisible();
  await page.getByRole("button", { name: "Save article" }).click();
  // not saved: the preview is read again from the text as it is now, and the editor is told why
  await expect(page.getByRole("status").filter({ hasText: "The source changed after the preview, so nothing was saved." })).toBeVisible();
  await expect(page).toHaveURL(/\/articles\/new$/);
  const previewList = page.getByRole("region", { name: /Detected structure/ });
  await expect(previewList).toContainText("reopens in April");
  await expect(previewList).not.toContainText("March");

  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)/);
  const text = page.getByRole("region", { name: "Article text" });
  await expect(text.getByRole("heading", { level: 1 })).toHaveText(edited);
  await expect(text).toContainText("the bridge reopens in April");
  await expect(text).not.toContainText("March");
});
