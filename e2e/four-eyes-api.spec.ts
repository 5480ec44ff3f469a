import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function createToken(page: Page, name: string, actsAs: RegExp): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Token name").fill(name);
  const options = await page.getByLabel("Acts as").locator("option").allTextContents();
  await page.getByLabel("Acts as").selectOption({ label: options.find((t) => actsAs.test(t))! });
  await page.getByRole("button", { name: "Create token" }).click();
  return (await page.getByTestId("new-token").textContent())!.trim();
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

test("an admin cannot approve their own change through a token made for a reviewer (403, nothing applied)", async ({ browser, playwright, baseURL }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "admin");
  const own = await createToken(page, "Admin's own", /Ada Admin/);
  const bot = await createToken(page, "Review bot for Rita", /Rita Reviewer/);
  const api = await playwright.request.newContext({ baseURL });

  const created = await api.post("/api/articles", { headers: auth(own), data: { markdown: "# Ferry resumes\n\nThe ferry resumed service on Monday after repairs." } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const imported = await api.post(`/api/articles/${id}/annotations`, {
    headers: auth(own),
    data: {
      "@context": "http://www.w3.org/ns/anno.jsonld", id: "urn:admin:1", type: "Annotation",
      body: [{ type: "TextualBody", purpose: "editing", value: "boat" }],
      target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "The ferry resumed" } },
    },
  });
  const changeId = (await imported.json()).imported[0].id as string;
  await page.goto(`/articles/${id}`);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/in review/i).first()).toBeVisible();

  const approve = await api.post("/api/review/approve", { headers: auth(bot), data: { articleId: id, decisions: [{ id: changeId, version: 1 }] } });
  expect(approve.status()).toBe(403);
  const article = await (await api.get(`/api/articles/${id}`, { headers: auth(own) })).json();
  expect(article.revision.number).toBe(1);
  await api.dispose();
  await page.context().close();
});
