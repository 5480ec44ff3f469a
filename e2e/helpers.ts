import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const USERS = {
  editor: { email: "editor@copydesk.test", password: "editor-pass", name: "Eddie Editor" },
  editor2: { email: "editor2@copydesk.test", password: "editor2-pass", name: "Erin Second-Editor" },
  reviewer: { email: "reviewer@copydesk.test", password: "reviewer-pass", name: "Rita Reviewer" },
  reviewer2: { email: "reviewer2@copydesk.test", password: "reviewer2-pass", name: "Ravi Second-Reviewer" },
  admin: { email: "admin@copydesk.test", password: "admin-pass", name: "Ada Admin" },
} as const;
export type DemoUser = keyof typeof USERS;

export const FIXTURE_PATH = path.join(__dirname, "..", "..", "shared", "fixtures", "voz-trump-petro.txt");
export const fixtureText = () => readFileSync(FIXTURE_PATH, "utf8");

/** One login helper for every role. */
export async function signIn(page: Page, who: DemoUser) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(USERS[who].email);
  await page.getByLabel("Password").fill(USERS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
}

/** Ingest by pasting text through the UI; returns the new article's URL path. */
export async function ingestPasted(page: Page, text: string): Promise<string> {
  await page.goto("/articles/new");
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Preview structure" }).click();
  await expect(page.getByRole("heading", { name: /Detected structure/ })).toBeVisible();
  await page.getByRole("button", { name: "Save article" }).click();
  await page.waitForURL(/\/articles\/(?!new)[^/]+$/);
  // the checks run after the page is sent; let their suggestions land before the test works the page
  await expect(page.getByRole("status").filter({ hasText: /from the automatic checks/ })).toBeVisible({ timeout: 20_000 });
  return new URL(page.url()).pathname;
}

/** The card of a hand-made annotation (not a machine suggestion) of this category. */
export function annotationCard(page: Page, category: string) {
  return page.getByRole("article", { name: new RegExp(`^Annotation \\d+: ${category}`) });
}

/**
 * Select `exact` (the nth occurrence) in the article text the way a mouse drag does: a DOM
 * selection across the rendered text pieces, then mouseup. Offsets are found in the rendered
 * DOM, not computed from our own code, so the mapping under test is exercised for real.
 */
export async function selectText(page: Page, exact: string, occurrence = 1) {
  await page.evaluate(
    ({ exact, occurrence }) => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const pieces = Array.from(root.querySelectorAll<HTMLElement>("[data-start]"));
      // concatenate pieces in DOM order, remembering where each text node starts
      let flat = "";
      const spans: { node: Text; at: number }[] = [];
      for (const p of pieces) {
        const node = p.firstChild as Text;
        spans.push({ node, at: flat.length });
        flat += node.data;
      }
      let at = -1;
      for (let i = 0; i < occurrence; i++) at = flat.indexOf(exact, at + 1);
      if (at < 0) throw new Error(`not found: ${exact}`);
      const locate = (offset: number, isEnd: boolean) => {
        for (let i = spans.length - 1; i >= 0; i--) {
          const s = spans[i];
          if (isEnd ? offset > s.at : offset >= s.at) return { node: s.node, offset: offset - s.at };
        }
        throw new Error("offset outside text");
      };
      const a = locate(at, false);
      const b = locate(at + exact.length, true);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    { exact, occurrence },
  );
}

/**
 * Resolves once the page's DOM has not changed for `quietMs` (at most `maxMs`). axe reads the page at
 * one instant; right after an in-app navigation or a live update that instant can fall half-way
 * between two pages, and the findings would be about a page no user sees.
 */
async function domSettled(page: Page, quietMs = 250, maxMs = 5_000) {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        let quiet: ReturnType<typeof setTimeout>;
        const done = () => {
          observer.disconnect();
          clearTimeout(quiet);
          clearTimeout(cap);
          resolve();
        };
        const observer = new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(done, quietMs);
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        quiet = setTimeout(done, quietMs);
        const cap = setTimeout(done, maxMs);
      }),
    { quietMs, maxMs },
  );
}

export async function expectNoSeriousA11yViolations(page: Page) {
  await page.waitForLoadState("load");
  await domSettled(page);
  // Next.js streams a dynamic page's metadata and re-renders it on a refresh (live updates): its
  // <title> can be missing for a moment. Give it the time a person would; a page that never gets
  // one still fails below
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => {});
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`)).toEqual([]);
}

/** An admin creates a token in the UI, acting as `who`; the token is read from the page, shown once. */
export async function createToken(page: Page, name: string, actsAs: RegExp): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Acts as").selectOption({ label: (await page.getByLabel("Acts as").locator("option").allTextContents()).find((t) => actsAs.test(t))! });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^cdk_/);
  return token;
}

/** Mark `exact` (its nth occurrence) with the mouse and save it as a change or a deletion, as an editor does. */
export async function mark(page: Page, exact: string, category: string, change: { replace?: string; del?: boolean }, occurrence = 1) {
  await selectText(page, exact, occurrence);
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByLabel("Category").selectOption(category);
  if (change.del) await form.getByLabel("Delete the text").check();
  if (change.replace !== undefined) {
    await form.getByLabel("Replace with…").check();
    await form.getByLabel("Replacement").fill(change.replace);
  }
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(form).toHaveCount(0);
}
