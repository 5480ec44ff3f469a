import { describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "./same-origin";

const APP = "http://localhost:3000";
const post = (headers: Record<string, string>, method = "POST") =>
  new Request(`${APP}/api/articles`, { method, headers, body: method === "DELETE" ? undefined : "{}" });
const code = (req: Request) => {
  try {
    assertSameOriginWrite(req, APP);
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const json = { "content-type": "application/json" };

describe("assertSameOriginWrite", () => {
  it.each([
    ["same-origin page, JSON", { ...json, origin: APP, "sec-fetch-site": "same-origin" }, "ok"],
    ["older browser: Origin only", { ...json, origin: APP }, "ok"],
    ["another port of the same host (the reported attack)", { "content-type": "text/plain", origin: "http://localhost:3201", "sec-fetch-site": "same-site" }, "forbidden"],
    ["same-site by Sec-Fetch-Site, forged Origin absent", { ...json, "sec-fetch-site": "same-site" }, "forbidden"],
    ["cross-site", { ...json, origin: "https://evil.example", "sec-fetch-site": "cross-site" }, "forbidden"],
    ["Origin: null (sandboxed frame)", { ...json, origin: "null" }, "forbidden"],
    ["neither header: not a browser, so not forged by a page", { ...json }, "ok"],
    ["same origin but a form body", { "content-type": "application/x-www-form-urlencoded", origin: APP, "sec-fetch-site": "same-origin" }, "unsupported_type"],
    ["same origin but text/plain", { "content-type": "text/plain", origin: APP, "sec-fetch-site": "same-origin" }, "unsupported_type"],
    ["JSON with a charset", { "content-type": "application/json; charset=utf-8", origin: APP }, "ok"],
  ])("%s", (_name, headers, want) => {
    expect(code(post(headers))).toBe(want);
  });

  it("lets reads through from anywhere (they change nothing)", () => {
    expect(code(new Request(`${APP}/api/articles`, { headers: { origin: "https://evil.example" } }))).toBe("ok");
  });

  it("checks DELETE too, without asking a body type", () => {
    expect(code(post({ origin: "https://evil.example" }, "DELETE"))).toBe("forbidden");
    expect(code(post({ origin: APP }, "DELETE"))).toBe("ok");
  });
});
