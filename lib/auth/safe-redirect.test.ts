import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/articles/abc", "/articles/abc"],
    ["/review?tab=mine#top", "/review?tab=mine#top"],
    ["/", "/"],
  ])("keeps the same-site path %s", (next, want) => {
    expect(safeRedirectPath(next)).toBe(want);
  });

  it.each([
    "/\\127.0.0.1:3201/", // the reported open redirect
    "/\\/evil.example",
    "//evil.example",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/\u0085/evil.example",
  ])("refuses %j", (next) => {
    expect(safeRedirectPath(next)).toBe("/");
  });

  it("falls back for non-strings", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/x"])).toBe("/");
  });
});
