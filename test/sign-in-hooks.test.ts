import { APIError, isAPIError } from "better-auth/api";
import { afterAll, describe, expect, it } from "vitest";
import { countOutcome, refuseIfLimited } from "@/lib/auth/sign-in-hooks";
import { createSignInLimiter, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limiter";
import { createTestDb } from "./test-db";

const { db, close } = createTestDb();
afterAll(close);

let n = 0;
// every test its own account: the counters live in the one test database
const fresh = () => ({ email: `editor${++n}@copydesk.test`, client: "203.0.113.9" });
const wrong = new APIError("UNAUTHORIZED", { message: "Invalid email or password" });

describe("sign-in hooks", () => {
  it("refuse with 429, a Retry-After and a message in minutes once the guesses are used up", async () => {
    const limiter = createSignInLimiter(db);
    const attempt = fresh();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points; i++) {
      await refuseIfLimited(attempt, limiter);
      await countOutcome(attempt, wrong, limiter);
    }
    const e = await refuseIfLimited(attempt, limiter).then(() => null, (x: unknown) => x);
    expect(isAPIError(e) && e.statusCode).toBe(429);
    expect((e as APIError).message).toMatch(/^Too many sign-in attempts\. Try again in 15 minutes\.$/);
    expect(Number(new Headers((e as APIError).headers).get("retry-after"))).toBeGreaterThan(14 * 60);
  });

  it("count neither malformed requests nor crashes as guesses", async () => {
    const limiter = createSignInLimiter(db);
    const attempt = fresh();
    for (let i = 0; i < 20; i++) {
      await countOutcome(attempt, new APIError("BAD_REQUEST", { message: "Invalid email" }), limiter);
      await countOutcome(attempt, new Error("db down"), limiter);
    }
    await expect(refuseIfLimited(attempt, limiter)).resolves.toBeUndefined();
  });

  it("a success clears the account-and-client counter", async () => {
    const limiter = createSignInLimiter(db);
    const attempt = fresh();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points - 1; i++) await countOutcome(attempt, wrong, limiter);
    await countOutcome(attempt, { token: "t", user: {} }, limiter);
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points - 1; i++) await countOutcome(attempt, wrong, limiter);
    await expect(refuseIfLimited(attempt, limiter)).resolves.toBeUndefined();
  });
});
