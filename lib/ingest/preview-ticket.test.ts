import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES } from "./limits";
import { signPreview, verifyPreview, type PreviewClaims } from "./preview-ticket";

const claims: PreviewClaims = { actorId: "u-editor", text: "Port reopens\n\nThe port reopened.", sourceKind: "url", sourceName: "https://news.example/port" };
const SECRET = "a-secret-that-is-at-least-32-characters-long";

describe("a save stores only what the preview read", () => {
  it("the ticket from the preview verifies", () => {
    expect(() => verifyPreview(signPreview(claims, SECRET), claims, SECRET)).not.toThrow();
    expect(() => verifyPreview(signPreview(claims), claims)).not.toThrow();
  });

  it.each([
    ["a source URL that was never fetched", { sourceName: "https://elsewhere.example/never-fetched" }],
    ["a pasted text relabelled as a URL", { sourceKind: "paste" as const, sourceName: null }],
    ["different text", { text: "Port reopens\n\nSomething else entirely." }],
    ["text with a NUL the server would have removed", { text: "Port reopens\u0000\n\nThe port reopened." }],
    ["another editor", { actorId: "u-other" }],
  ])("refuses %s", (_label, change) => {
    const ticket = signPreview(claims, SECRET);
    expect(() => verifyPreview(ticket, { ...claims, ...change }, SECRET)).toThrow(/preview the article again/);
  });

  it("refuses a forged, malformed or expired ticket", () => {
    const now = Date.now();
    expect(() => verifyPreview("", claims, SECRET)).toThrow(/preview/);
    expect(() => verifyPreview(`${now + 1000}.forged`, claims, SECRET)).toThrow(/preview/);
    expect(() => verifyPreview(signPreview(claims, "another-secret-of-enough-length-000000"), claims, SECRET)).toThrow(/preview/);
    const old = signPreview(claims, SECRET, now - 13 * 60 * 60 * 1000);
    expect(() => verifyPreview(old, claims, SECRET, now)).toThrow(/expired/);
  });
});

describe("the server actions' body limit matches the ingest limits", () => {
  it("next.config.js allows exactly MAX_ACTION_BODY_BYTES", () => {
    const config = createRequire(import.meta.url)("../../next.config.js") as { experimental: { serverActions: { bodySizeLimit: string } } };
    const m = /^(\d+)mb$/.exec(config.experimental.serverActions.bodySizeLimit);
    expect(m, "bodySizeLimit is written as <n>mb").not.toBeNull();
    expect(Number(m![1]) * 1024 * 1024).toBe(MAX_ACTION_BODY_BYTES);
  });
});
