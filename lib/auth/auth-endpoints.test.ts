import { describe, expect, it } from "vitest";
import { isAuthEndpoint } from "./auth-endpoints";

describe("isAuthEndpoint", () => {
  it("knows better-auth's endpoints under /api/auth, with their path parameters", () => {
    expect(isAuthEndpoint("/api/auth/sign-in/email")).toBe(true);
    expect(isAuthEndpoint("/api/auth/change-password")).toBe(true);
    expect(isAuthEndpoint("/api/auth/reset-password/some-token")).toBe(true);
  });

  it("refuses made-up paths, so better-auth's limiter never stores a counter for them", () => {
    expect(isAuthEndpoint("/api/auth/made-up-1234")).toBe(false);
    expect(isAuthEndpoint("/api/auth/sign-in/email/")).toBe(false);
    expect(isAuthEndpoint("/api/auth/reset-password/a/b")).toBe(false);
    expect(isAuthEndpoint("/api/auth/sign-in/emailx")).toBe(false);
  });

  it("refuses the endpoints we switched off (names are set by an admin)", () => {
    expect(isAuthEndpoint("/api/auth/update-user")).toBe(false);
  });
});
