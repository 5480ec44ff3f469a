import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./helpers";

// The web perimeter (issue 8, items 5–10 and 13; docs/decisions/014-web-perimeter.md).
// Run alone with its own build: NEXT_DIST_DIR=.next-h4 E2E_PORT=3400 npx playwright test e2e/security.spec.ts
// The sign-in limit tests lock editor2 and reviewer2 for 15 minutes: no spec after this one
// (alphabetically) signs in as them.

const article = (marker: string) => `Headline ${marker}\n\nFirst paragraph of the body, long enough to be a paragraph.\n\nSecond one.`;

async function ingestViaSession(page: Page, marker: string): Promise<{ id: string; title: string }> {
  const res = await page.request.post("/api/articles", { data: { text: article(marker) } });
  expect(res.status()).toBe(201);
  return res.json();
}

test("after sign-in, `next` only leads to a page of this site", async ({ page, baseURL }) => {
  await page.goto("/signin?next=/%5C127.0.0.1:3201/");
  await page.getByLabel("E-mail").fill(USERS.editor.email);
  await page.getByLabel("Password").fill(USERS.editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");

  // a same-site `next` is still honoured
  await page.context().clearCookies();
  await page.goto("/signin?next=/review");
  await page.getByLabel("E-mail").fill(USERS.reviewer.email);
  await page.getByLabel("Password").fill(USERS.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/review$/);
});

test.describe("CSRF on the REST API", () => {
  let attacker: Server;
  let attackerOrigin: string;
  test.beforeAll(async () => {
    // another port of the same host: same site, so the browser sends the SameSite=Lax cookie
    attacker = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>attacker</title><p>hello</p>");
    });
    await new Promise<void>((resolve) => attacker.listen(0, resolve));
    attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

  test("a page on another origin cannot create an article with the editor's cookie", async ({ page, baseURL }) => {
    await signIn(page, "editor");
    const marker = `csrf${Date.now()}`;
    await page.goto(attackerOrigin);
    const sent = await page.evaluate(
      async ({ target, body }) => {
        // a "simple" request: no preflight, so the server sees it and the cookie goes along
        await fetch(target, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body });
        await fetch(target, { method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({ text: body }) });
        return true;
      },
      { target: `${baseURL}/api/articles`, body: JSON.stringify({ text: article(marker) }) },
    );
    expect(sent).toBe(true);
    await page.goto(`/?q=${marker}`);
    await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
    await expect(page.getByText(/No article title contains/)).toBeVisible();
  });

  test("a cookie-authenticated write needs our origin and JSON; a bearer token or a same-origin page is unaffected", async ({ page, baseURL }) => {
    await signIn(page, "editor");
    const text = JSON.stringify({ text: article(`csrf-direct${Date.now()}`) });
    const crossOrigin = await page.request.post("/api/articles", { headers: { origin: attackerOrigin, "sec-fetch-site": "same-site", "content-type": "application/json" }, data: text });
    expect(crossOrigin.status()).toBe(403);
    expect((await crossOrigin.json()).error.message).toMatch(/Cross-site request refused/);
    const plain = await page.request.post("/api/articles", { headers: { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "text/plain" }, data: text });
    expect(plain.status()).toBe(415);
    const ours = await page.request.post("/api/articles", { headers: { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "application/json" }, data: text });
    expect(ours.status()).toBe(201);
  });
});

test("a lone surrogate in an API body is a 400 naming the problem, not a 500", async ({ page }) => {
  await signIn(page, "editor");
  const res = await page.request.post("/api/articles", {
    headers: { "content-type": "application/json" },
    data: Buffer.from('{"text":"Headline\\n\\nBody \\ud800 text in a paragraph."}'),
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe("malformed");
  expect(body.error.message).toMatch(/unpaired UTF-16 surrogate/);
});

test("an anonymous request for an article gets no article data, not even the title", async ({ page, playwright, baseURL }) => {
  await signIn(page, "editor");
  const { id, title } = await ingestViaSession(page, `Secret${Date.now()}`);
  const anon = await playwright.request.newContext({ baseURL });
  for (const path of [`/articles/${id}`, `/articles/${id}/history`, `/articles/${id}/audit`, `/articles/${id}/revisions/1`]) {
    const res = await anon.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toMatch(/\/signin/);
    expect(await res.text(), path).not.toContain(title);
  }
  await anon.dispose();
});

test.describe("sign-in limits", () => {
  test("the form stops guessing: after five wrong passwords even the right one is refused, with a clear wait", async ({ page }) => {
    await page.goto("/signin");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("E-mail").fill(USERS.editor2.email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await page.getByLabel("Password").fill(USERS.editor2.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the HTTP endpoint answers 429 per account; a forged X-Forwarded-For does not escape it; other accounts still sign in", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const signInEmail = (email: string, password: string, headers: Record<string, string> = {}) =>
      api.post("/api/auth/sign-in/email", { data: { email, password }, headers });
    for (let i = 0; i < 5; i++) expect((await signInEmail(USERS.reviewer2.email, `wrong-${i}`)).status()).toBe(401);
    const limited = await signInEmail(USERS.reviewer2.email, USERS.reviewer2.password);
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(60);
    expect((await limited.json()).message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/);
    for (const forged of ["198.51.100.1", "203.0.113.77, 10.0.0.1"]) {
      expect((await signInEmail(USERS.reviewer2.email, USERS.reviewer2.password, { "x-forwarded-for": forged, "x-real-ip": forged })).status()).toBe(429);
    }
    // one attacker does not lock everyone out
    expect((await signInEmail(USERS.editor.email, USERS.editor.password)).status()).toBe(200);
    await api.dispose();
  });
});

test("better-auth's own limit counts per client: a forged client address does not escape it", async ({ playwright, baseURL }) => {
  // its rule for password changes: 3 tries per 10 s per client (sign-in has our own limits). Before,
  // with no proxy configured, better-auth had no address and limited nothing (decision 035).
  const api = await playwright.request.newContext({ baseURL });
  const tryChange = (headers: Record<string, string> = {}) =>
    api.post("/api/auth/change-password", { headers: { origin: baseURL!, ...headers }, data: { currentPassword: "wrong-password", newPassword: "another-password" } });
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await tryChange()).status());
  expect(statuses).not.toContain(429);
  const refused = await tryChange();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["x-retry-after"])).toBeGreaterThan(0);
  const forged = await tryChange({ "x-copydesk-client-address": "203.0.113.7", "x-forwarded-for": "203.0.113.8" });
  expect(forged.status()).toBe(429);
  // another client (the same server over IPv6 loopback: another address) is not held up by the first
  const other = await playwright.request.newContext({ baseURL: baseURL!.replace(/\/\/(localhost|127\.0\.0\.1)/, "//[::1]") });
  const theirs = await other.post("/api/auth/change-password", { headers: { origin: baseURL! }, data: { currentPassword: "wrong-password", newPassword: "another-password" } });
  expect(theirs.status()).not.toBe(429);
  await Promise.all([api.dispose(), other.dispose()]);
});

test("users cannot rename themselves (to a colleague's name or any other)", async ({ page, baseURL }) => {
  await signIn(page, "editor");
  const res = await page.request.post("/api/auth/update-user", { headers: { origin: baseURL! }, data: { name: USERS.admin.name } });
  expect(res.status()).toBe(404);
  const session = await (await page.request.get("/api/auth/get-session")).json();
  expect(session.user.name).toBe(USERS.editor.name);
});

test("an admin action refused mid-way says so in the page, not a 500 or a silent success", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/dictionary");
  const word = `Zqx${Date.now()}`;
  await page.getByLabel("Add a word").fill(word);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("button", { name: `Remove ${word}` })).toBeVisible();

  // the same browser is now signed in as an editor (another tab), while this page still shows the admin UI
  await page.context().clearCookies();
  const other = await page.context().newPage();
  await signIn(other, "editor");
  await other.close();

  await page.getByRole("button", { name: `Remove ${word}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "may not" })).toContainText("Your role (editor) may not do that.");
  await page.getByLabel("Add a word").fill(`${word}b`);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "may not" })).toHaveCount(2);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  // the word is still there
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/dictionary");
  await expect(admin.getByRole("button", { name: `Remove ${word}` })).toBeVisible();
  await admin.context().close();
});

test.describe("Content-Security-Policy", () => {
  async function watchViolations(page: Page) {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    return violations;
  }

  test("every main page works under a strict nonce policy with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page, "admin");
    const { id } = await ingestViaSession(page, `Csp${Date.now()}`);
    for (const path of ["/", "/articles/new", "/review", "/admin/audit", "/admin/dictionary", "/admin/dismissals", "/admin/tokens", `/articles/${id}`, `/articles/${id}/history`, `/articles/${id}/audit`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const csp = res!.headers()["content-security-policy"];
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(csp, path).toMatch(/base-uri 'none'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), path).toEqual([]);
    }
    // scripts ran (React hydrated): a client-side form works
    await page.goto("/articles/new");
    await page.getByLabel("Article text").fill(article("Hydrated"));
    await page.getByRole("button", { name: "Preview structure" }).click();
    await expect(page.getByRole("heading", { name: /Detected structure/ })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a script planted in a page does not run", async ({ page }) => {
    await signIn(page, "admin");
    await page.route("**/admin/dictionary", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        "</body>",
        `<script>window.__planted = 1</script><img src="/nothing.png" onerror="window.__planted = 2"></body>`,
      );
      await route.fulfill({ response, body });
    });
    const violations = await watchViolations(page);
    await page.goto("/admin/dictionary");
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __planted?: number }).__planted)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    // the app's own scripts still ran
    await expect(page.getByRole("button", { name: "Add", exact: true })).toBeEnabled();
  });
});
