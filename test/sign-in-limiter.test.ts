import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createSignInLimiter, SIGN_IN_LIMITS, tooManyAttemptsMessage } from "@/lib/auth/sign-in-limiter";
import { createClient } from "@/lib/db";
import { createTestDb } from "./test-db";

const { db, url, close } = createTestDb();
afterAll(close);
beforeEach(async () => {
  await db.rateLimit.deleteMany();
});

const victim = "editor@copydesk.test";

async function fail(limiter: ReturnType<typeof createSignInLimiter>, email: string, client: string | null, times: number) {
  for (let i = 0; i < times; i++) await limiter.failed({ email, client });
}

describe("sign-in limiter", () => {
  it("stops one client guessing one account after the pair limit", async () => {
    const limiter = createSignInLimiter(db);
    await fail(limiter, victim, "203.0.113.9", SIGN_IN_LIMITS.pair.points - 1);
    expect(await limiter.retryAfter({ email: victim, client: "203.0.113.9" })).toBe(0);
    await limiter.failed({ email: victim, client: "203.0.113.9" });
    const wait = await limiter.retryAfter({ email: "Editor@Copydesk.test ", client: "203.0.113.9" });
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
  });

  it("does not lock the account for another client, nor other accounts for anyone", async () => {
    const limiter = createSignInLimiter(db);
    await fail(limiter, victim, "203.0.113.9", SIGN_IN_LIMITS.pair.points);
    expect(await limiter.retryAfter({ email: victim, client: "198.51.100.7" })).toBe(0);
    expect(await limiter.retryAfter({ email: "admin@copydesk.test", client: "198.51.100.7" })).toBe(0);
  });

  it("caps an account from many addresses (a guesser who changes address)", async () => {
    const limiter = createSignInLimiter(db);
    for (let i = 0; i < SIGN_IN_LIMITS.account.points; i++) await limiter.failed({ email: victim, client: `203.0.113.${i}` });
    expect(await limiter.retryAfter({ email: victim, client: "198.51.100.7" })).toBeGreaterThan(59 * 60);
  });

  it("caps one client trying many accounts", async () => {
    const limiter = createSignInLimiter(db);
    for (let i = 0; i < SIGN_IN_LIMITS.client.points; i++) await limiter.failed({ email: `user${i}@x.test`, client: "203.0.113.9" });
    expect(await limiter.retryAfter({ email: victim, client: "203.0.113.9" })).toBeGreaterThan(0);
    expect(await limiter.retryAfter({ email: victim, client: "198.51.100.7" })).toBe(0);
  });

  it("never puts unidentified clients in one bucket across accounts", async () => {
    const limiter = createSignInLimiter(db);
    for (let i = 0; i < 100; i++) await limiter.failed({ email: `user${i}@x.test`, client: null });
    expect(await limiter.retryAfter({ email: victim, client: null })).toBe(0);
  });

  it("a success clears the pair counter but not the slow per-account one", async () => {
    const limiter = createSignInLimiter(db);
    await fail(limiter, victim, "203.0.113.9", SIGN_IN_LIMITS.pair.points);
    await limiter.succeeded({ email: victim, client: "203.0.113.9" });
    expect(await limiter.retryAfter({ email: victim, client: "203.0.113.9" })).toBe(0);
    await fail(limiter, victim, "198.51.100.7", SIGN_IN_LIMITS.account.points - SIGN_IN_LIMITS.pair.points);
    expect(await limiter.retryAfter({ email: victim, client: "192.0.2.1" })).toBeGreaterThan(0);
  });

  it("says how long in minutes", () => {
    expect(tooManyAttemptsMessage(61)).toBe("Too many sign-in attempts. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage(5)).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });

  it("counts in the database: a second app server, or a restarted one, sees the same counts", async () => {
    const other = createClient(url, { poolMax: 2 });
    try {
      await fail(createSignInLimiter(db), victim, "203.0.113.9", SIGN_IN_LIMITS.pair.points - 1);
      const serverB = createSignInLimiter(other);
      expect(await serverB.retryAfter({ email: victim, client: "203.0.113.9" })).toBe(0);
      await serverB.failed({ email: victim, client: "203.0.113.9" });
      expect(await createSignInLimiter(db).retryAfter({ email: victim, client: "203.0.113.9" })).toBeGreaterThan(14 * 60);
    } finally {
      await other.$disconnect();
    }
  });

  it("loses no count when guesses arrive at the same moment on two servers", async () => {
    const other = createClient(url, { poolMax: 4 });
    try {
      const a = createSignInLimiter(db);
      const b = createSignInLimiter(other);
      await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).failed({ email: victim, client: `198.51.100.${i}` })));
      const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `signin-account:${victim}` } });
      expect(row.points).toBe(12);
    } finally {
      await other.$disconnect();
    }
  });
});

