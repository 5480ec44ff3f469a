import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousA11yViolations, ingestPasted, mark, signIn, type DemoUser } from "../e2e/helpers";

// Two app servers on one PostgreSQL behind the round-robin balancer (playwright.cluster.config.ts).
// A and B are the servers' own ports; LB is the public URL every server was started with.
const PORT = Number(process.env.CLUSTER_E2E_PORT);
const LB = `http://localhost:${PORT}`;
const A = `http://localhost:${PORT + 1}`;
const B = `http://localhost:${PORT + 2}`;
const DATABASE_URL = `${process.env.CLUSTER_E2E_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432"}/${process.env.CLUSTER_E2E_DB}`;

async function as(browser: Browser, who: DemoUser, baseURL: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return { page, context };
}

// Each server's first request to a route loads its code; under a loaded machine that can outlast an
// assertion's timeout. One round through both servers first, as a running desk would have had.
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  const signedIn = await request.post(`${LB}/api/auth/sign-in/email`, { headers: { origin: LB }, data: { email: "editor@copydesk.test", password: "editor-pass" } });
  expect(signedIn.status()).toBe(200);
  for (const server of [A, B]) {
    for (const path of ["/signin", "/", "/articles/new"]) expect((await request.get(`${server}${path}`)).status()).toBe(200);
  }
});

/** set on the page's window: still there later means the page was never reloaded */
const plant = (page: Page) => page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 7));
const notReloaded = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(7);
const handMade = (page: Page) => page.getByRole("article", { name: /^Annotation \d+/ });
const refused = (p: Page) => p.getByRole("main").getByRole("alert").filter({ hasText: /already decided|changed this since/ });

/** An editor's article with one proposed change, submitted for review; returns its path. */
async function submittedArticle(editor: Page, title: string): Promise<string> {
  const path = await ingestPasted(editor, `${title}\n\nCrews finished thereplacement of two cables on Monday.`);
  await mark(editor, "thereplacement", "missing_space", { replace: "the replacement" });
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByTestId("confirmation")).toContainText("Submitted for review");
  return path;
}

/** Two reviewers press Approve on the same change at once: exactly one wins, the other is told. */
async function race(r1: Page, r2: Page, path: string) {
  await r1.goto(path);
  await r2.goto(path);
  const approve = (p: Page) => handMade(p).getByRole("button", { name: /Approve change/ });
  await expect(approve(r1)).toBeVisible();
  await expect(approve(r2)).toBeVisible();
  // both presses land at once (click()'s checks could let the first approval reach the other page live first)
  await Promise.all([approve(r1).dispatchEvent("click"), approve(r2).dispatchEvent("click")]);
  await expect.poll(async () => (await refused(r1).count()) + (await refused(r2).count()), { timeout: 15_000 }).toBe(1);
  // one revision was made, and the change report holds the change once
  const csv = await r1.request.get(`${path}/export/changes.csv`);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(2);
  await r1.reload();
  await expect(r1.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(r1.getByText(/^Revision 3 ·/)).toHaveCount(0);
}

test("a session made on server A works on server B: sign in on A, ingest on B, read it on A", async ({ browser }) => {
  test.setTimeout(120_000);
  const onA = await as(browser, "editor", A);
  // the same cookie, taken to the other server
  const onB = await browser.newContext({ baseURL: B, storageState: await onA.context.storageState() });
  const pageB = await onB.newPage();
  await pageB.goto("/");
  await expect(pageB.getByRole("heading", { name: "Articles" })).toBeVisible();
  expect(new URL(pageB.url()).pathname).toBe("/"); // not sent to sign in
  const title = `Ferry timetable ${Date.now()}`;
  const path = await ingestPasted(pageB, `${title}\n\nThe ferry leavesat noon on weekdays.`);
  await onA.page.goto("/");
  await expect(onA.page.getByRole("link", { name: title })).toBeVisible();
  await onA.page.goto(path);
  await expect(onA.page.getByRole("heading", { name: title })).toBeVisible();
  // signing out on B ends the session on A too: it lives in the database, not in a server
  await pageB.goto("/");
  await pageB.getByRole("button", { name: "Sign out" }).click();
  await pageB.waitForURL(/\/signin/);
  await onA.page.goto("/");
  await expect(onA.page).toHaveURL(/\/signin/);
  await onA.context.close();
  await onB.close();
});

test("an editor on server A sees a reviewer's decision on server B live, without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await as(browser, "editor", A);
  const path = await submittedArticle(editor.page, `Bridge reopens ${Date.now()}`);
  await plant(editor.page);
  const reviewer = await as(browser, "reviewer", B);
  await reviewer.page.goto(path);
  // presence crosses servers too
  await expect(editor.page.getByRole("status", { name: "Who else is here" })).toHaveText("●Rita Reviewer (reviewer) is here", { timeout: 15_000 });
  await handMade(reviewer.page).getByRole("button", { name: /Approve change/ }).click();
  await expect(reviewer.page.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(editor.page.getByText(/^Revision 2 ·/)).toBeVisible({ timeout: 15_000 });
  await expect(editor.page.getByLabel("Article text")).toContainText("finished the replacement");
  await notReloaded(editor.page);
  await editor.context.close();
  await reviewer.context.close();
});

test("two reviewers on different servers approve one change at once: exactly one wins, the other gets a conflict", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await as(browser, "editor", A);
  const path = await submittedArticle(editor.page, `Tram depot ${Date.now()}`);
  const [r1, r2] = [await as(browser, "reviewer", A), await as(browser, "reviewer2", B)];
  await race(r1.page, r2.page, path);
  for (const c of [editor, r1, r2]) await c.context.close();
});

test("through the balancer: requests alternate between the servers, pages follow live, and a race still has one winner", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const upstreams = new Set<string>();
  for (let i = 0; i < 4; i++) upstreams.add((await request.get("/signin")).headers()["x-copydesk-upstream"]);
  expect([...upstreams].sort()).toEqual([String(PORT + 1), String(PORT + 2)]);

  const editor = await as(browser, "editor", LB);
  const path = await submittedArticle(editor.page, `Harbour crane ${Date.now()}`);
  await plant(editor.page);
  const [r1, r2] = [await as(browser, "reviewer", LB), await as(browser, "reviewer2", LB)];
  await race(r1.page, r2.page, path);
  // the editor's page holds its event stream through the balancer and shows the decision
  await expect(editor.page.getByText(/^Revision 2 ·/)).toBeVisible({ timeout: 15_000 });
  await notReloaded(editor.page);
  for (const c of [editor, r1, r2]) await c.context.close();
});

test("through the balancer a forged X-Forwarded-For does not escape the sign-in limit", async ({ request }) => {
  // the servers believe only the entry the balancer appends; each try names a fresh address before it
  const email = `nobody-${randomBytes(4).toString("hex")}@copydesk.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await request.post("/api/auth/sign-in/email", {
      headers: { origin: LB, "x-forwarded-for": `203.0.113.${i + 1}` },
      data: { email, password: "wrong-password" },
    });
    statuses.push(res.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test("better-auth's own limits are counted in the database: both servers share one allowance", async ({ request }) => {
  // better-auth allows 3 password-change tries per 10 s per client; round robin sends them to A and B
  // in turn, so with counts kept per process neither server would have refused the fourth. Each try
  // also names a fresh forged address, which the servers do not believe.
  const statuses: number[] = [];
  const upstreams = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await request.post("/api/auth/change-password", {
      headers: { origin: LB, "x-forwarded-for": `198.51.100.${i + 1}`, "x-copydesk-client-address": `198.51.100.${i + 1}` },
      data: { currentPassword: "wrong-password", newPassword: "another-password" },
    });
    statuses.push(res.status());
    upstreams.add(res.headers()["x-copydesk-upstream"]);
  }
  expect(upstreams.size).toBe(2);
  expect(statuses.slice(0, 3)).not.toContain(429);
  expect(statuses[3]).toBe(429);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "key", "count" FROM "AuthRateLimit" WHERE "key" LIKE '%change-password%'`);
    expect(rows).toEqual([{ key: expect.stringContaining("127.0.0.1"), count: 3 }]);
    // a path that is no endpoint is a 404 before the limiter, which would store a counter for each one
    const madeUp = `/api/auth/made-up-${randomBytes(4).toString("hex")}`;
    expect((await request.post(madeUp, { headers: { origin: LB }, data: {} })).status()).toBe(404);
    const { rows: stored } = await client.query(`SELECT 1 FROM "AuthRateLimit" WHERE "key" LIKE $1`, [`%${madeUp.slice("/api/auth".length)}%`]);
    expect(stored).toEqual([]);
  } finally {
    await client.end();
  }
});

test("the article list pages by 50, without JavaScript, keeping the search", async ({ browser }) => {
  // 60 more articles, written straight into the database: the list is what is tested here
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const tag = randomBytes(3).toString("hex");
  try {
    const { rows } = await client.query(`SELECT id FROM "user" WHERE email = 'editor@copydesk.test'`);
    for (let i = 0; i < 60; i++) {
      const title = `Paging story ${tag} ${String(i).padStart(2, "0")}`;
      await client.query(
        `INSERT INTO "Article" (id, title, "titleSearch", status, "sourceKind", "createdById", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'ingested', 'paste', $4, now() - make_interval(secs => $5::int), now())`,
        [`paging${tag}${i}`, title, title.toLowerCase(), rows[0].id, 600 - i],
      );
    }
  } finally {
    await client.end();
  }
  const context = await browser.newContext({ baseURL: LB, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill("reviewer@copydesk.test");
  await page.getByLabel("Password").fill("reviewer-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent(`paging story ${tag}`)}`);
  const rows = page.getByRole("table").getByRole("link");
  const titles = async () => (await rows.allTextContents()).map((t) => t.slice(-2));
  await expect(rows).toHaveCount(50);
  const first = await titles();
  expect(first[0]).toBe("59"); // newest first
  const pages = page.getByRole("navigation", { name: "Pages of articles" });
  await expect(pages.getByRole("link", { name: /Newer/ })).toHaveCount(0);
  await pages.getByRole("link", { name: /Older articles/ }).click();
  await expect(rows).toHaveCount(10);
  expect(await titles()).toEqual(["09", "08", "07", "06", "05", "04", "03", "02", "01", "00"]);
  await expect(page.getByLabel("Search titles")).toHaveValue(`paging story ${tag}`);
  await expect(pages.getByRole("link", { name: /Older/ })).toHaveCount(0);
  await pages.getByRole("link", { name: /Newer articles/ }).click();
  await expect(rows).toHaveCount(50);
  expect(await titles()).toEqual(first);
  await context.close();

  // the second page with its links both ways, as axe sees it (axe needs JavaScript)
  const reader = await as(browser, "reviewer", LB);
  await reader.page.goto(`/?q=${encodeURIComponent(`paging story ${tag}`)}`);
  await reader.page.getByRole("navigation", { name: "Pages of articles" }).getByRole("link", { name: /Older articles/ }).click();
  await expect(reader.page.getByRole("link", { name: /Newer articles/ })).toBeVisible();
  // axe reads the page as it is at that instant: let the in-app navigation finish first (the second
  // page's URL and its 10 rows), or it can judge a page half-way between the two
  await expect(reader.page).toHaveURL(/[?&]after=/);
  await expect(reader.page.getByRole("table").getByRole("link")).toHaveCount(10);
  await expectNoSeriousA11yViolations(reader.page);
  await reader.context.close();
});

/** The process listening on 127.0.0.1:port, read from /proc (the cluster prints no pids). */
function listenerPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    // local address as HEXIP:HEXPORT, state 0A: listening
    if (f.length > 9 && f[3] === "0A" && parseInt(f[1].split(":")[1], 16) === port) inodes.add(f[9]);
  }
  for (const pid of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(link.slice("socket:[".length, -1)) && link.startsWith("socket:[")) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

// Last in this file: it takes server A down for a while.
test("a server that dies is started again, and the balancer serves through the gap and takes it back", async ({ request }) => {
  test.setTimeout(150_000);
  const before = listenerPid(PORT + 1);
  expect(before).not.toBeNull();
  process.kill(before!, "SIGKILL"); // what the out-of-memory killer does
  // meanwhile every request is answered, by B
  for (let i = 0; i < 6; i++) {
    const res = await request.get(`${LB}/signin`);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-copydesk-upstream"]).toBe(String(PORT + 2));
  }
  // a new process on A's port, and the balancer sends to it again
  await expect.poll(() => listenerPid(PORT + 1), { timeout: 90_000 }).not.toBeNull();
  expect(listenerPid(PORT + 1)).not.toBe(before);
  await expect
    .poll(
      async () => {
        const seen = new Set<string>();
        for (let i = 0; i < 4; i++) seen.add((await request.get(`${LB}/signin`)).headers()["x-copydesk-upstream"]);
        return [...seen].sort();
      },
      { timeout: 60_000 },
    )
    .toEqual([String(PORT + 1), String(PORT + 2)]);
});
