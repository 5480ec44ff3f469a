import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createToken, fixtureText, signIn } from "./helpers";

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe("REST API with bearer tokens", () => {
  let editorToken: string;
  let reviewerToken: string;
  let api: APIRequestContext;

  test.beforeAll(async ({ browser, playwright, baseURL }) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, "admin");
    editorToken = await createToken(page, "CMS import", /Eddie Editor/);
    reviewerToken = await createToken(page, "Review bot", /Rita Reviewer/);
    await page.context().close();
    api = await playwright.request.newContext({ baseURL }); // no cookies: only the token speaks
  });
  test.afterAll(() => api.dispose());

  test("a body sent in chunks without a declared length is refused (413) once it passes the limit", async ({ baseURL }) => {
    const { status, sent } = await postChunked(`${baseURL}/api/articles`, editorToken, 32 * 1024 * 1024);
    expect(status).toBe(413);
    // the answer came while the client was still sending: the server did not wait for all 32 MB
    expect(sent).toBeLessThan(32 * 1024 * 1024);
  });

  test("ingest, read, export; errors are JSON with the right status", async () => {
    const created = await api.post("/api/articles", { headers: auth(editorToken), data: { text: fixtureText() } });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body.blocks.find((b: { kind: string }) => b.kind === "credit").text).toBe("AFP");

    const read = await api.get(`/api/articles/${body.id}`, { headers: auth(editorToken) });
    expect(read.status()).toBe(200);
    const article = await read.json();
    expect(article.status).toBe("ingested");
    expect(article.revision.text.slice(article.revision.blocks[1].start, article.revision.blocks[1].end)).toBe(article.revision.blocks[1].text);

    const txt = await api.get(`/api/articles/${body.id}/export?format=txt`, { headers: auth(reviewerToken) });
    expect(txt.status()).toBe(200);
    expect(await txt.text()).toContain("thecapture");

    // 401: no token, a wrong token
    expect((await api.get(`/api/articles/${body.id}`)).status()).toBe(401);
    expect((await api.get(`/api/articles/${body.id}`, { headers: auth("cdk_not-a-real-token") })).status()).toBe(401);
    // 403: a reviewer's token may not ingest
    const forbidden = await api.post("/api/articles", { headers: auth(reviewerToken), data: { text: "Headline\n\nBody text here." } });
    expect(forbidden.status()).toBe(403);
    // 404, 400, 422 naming the field, 413
    expect((await api.get("/api/articles/no-such-article", { headers: auth(editorToken) })).status()).toBe(404);
    const malformed = await api.post("/api/articles", { headers: { ...auth(editorToken), "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(malformed.status()).toBe(400);
    const invalid = await api.post("/api/articles", { headers: auth(editorToken), data: { text: "a", url: "https://example.com/" } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.fields.text).toMatch(/exactly one/);
    const badFormat = await api.get(`/api/articles/${body.id}/export?format=pdf`, { headers: auth(editorToken) });
    expect(badFormat.status()).toBe(422);
    expect((await badFormat.json()).error.fields).toHaveProperty("format");
    const huge = await api.post("/api/articles", { headers: auth(editorToken), data: { text: "a".repeat(2 * 1024 * 1024 + 100_000) } });
    expect(huge.status()).toBe(413);

    // W3C Web Annotation: export the collection, import an annotation from "another tool"
    const collection = await api.get(`/api/articles/${body.id}/annotations`, { headers: auth(reviewerToken) });
    expect(collection.status()).toBe(200);
    expect(collection.headers()["content-type"]).toContain("application/ld+json");
    expect((await collection.json())["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    const incoming = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://other.example/anno/1",
      type: "Annotation",
      motivation: "editing",
      body: [
        { type: "TextualBody", purpose: "editing", value: "the capture" },
        { type: "TextualBody", purpose: "tagging", value: "missing_space" },
      ],
      target: { source: "https://voz.us/story", selector: { type: "TextQuoteSelector", exact: "thecapture", prefix: "situation in Venezuela following ", suffix: " of dictator" } },
    };
    const imported = await api.post(`/api/articles/${body.id}/annotations`, { headers: auth(editorToken), data: incoming });
    expect(imported.status()).toBe(201);
    expect((await imported.json()).imported).toHaveLength(1);
    expect((await api.post(`/api/articles/${body.id}/annotations`, { headers: auth(reviewerToken), data: incoming })).status()).toBe(403);
    const after = await (await api.get(`/api/articles/${body.id}/annotations`, { headers: auth(editorToken) })).json();
    const items = after.first.items as { id: string; body: { purpose: string; value: string }[] }[];
    expect(items.some((a) => a.body.some((b) => b.purpose === "editing" && b.value === "the capture"))).toBe(true);
    // every exported id resolves to that annotation
    const one = await api.get(new URL(items[0].id).pathname, { headers: auth(reviewerToken) });
    expect(one.status()).toBe(200);
    expect((await one.json()).id).toBe(items[0].id);

    // the OpenAPI document is served
    const doc = await (await api.get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/articles/{id}/annotations");
  });

  test("a revoked token stops working at once", async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, "admin");
    const token = await createToken(page, "Short-lived", /Eddie Editor/);
    expect((await api.get("/api/openapi.json", { headers: auth(token) })).status()).toBe(200);
    const created = await api.post("/api/articles", { headers: auth(token), data: { markdown: "# Ferry resumes\n\nThe ferry resumed service on Monday after repairs." } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    // revoking cannot be undone: the page asks first, and "no" leaves the token working
    const asked: string[] = [];
    page.once("dialog", (d) => void (asked.push(d.message()), d.dismiss()));
    await page.getByRole("button", { name: "Revoke Short-lived" }).first().click();
    expect(asked).toEqual([expect.stringContaining("cannot be undone")]);
    expect((await api.get(`/api/articles/${id}`, { headers: auth(token) })).status()).toBe(200);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Revoke Short-lived" }).first().click();
    await expect(page.getByRole("row").filter({ hasText: "Short-lived" }).first()).toContainText("revoked");
    expect((await api.get(`/api/articles/${id}`, { headers: auth(token) })).status()).toBe(401);
    await page.context().close();
  });
});

/**
 * POST a JSON body of about `size` bytes in 64 KB chunks with no Content-Length (Node sends it chunked),
 * stopping as soon as the answer arrives; returns its status and how much had been sent by then.
 */
function postChunked(url: string, token: string, size: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { ...auth(token), "content-type": "application/json" } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const writeMore = () => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!req.write(sent === chunk.length ? Buffer.concat([Buffer.from('{"text":"'), chunk]) : chunk)) return void req.once("drain", writeMore);
      }
      if (!answered) req.end('"}');
    };
    writeMore();
  });
}
