import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db as appDb, type Db } from "@/lib/db";
import { processWide } from "@/lib/process-wide";

/**
 * Failed sign-ins are counted three ways, so that guessing is slow and one attacker cannot lock
 * everyone out:
 * - per account and client pair: the person at the keyboard who mistypes, or a guesser at one
 *   address, stops after a few tries; other people signing in to that account are not affected;
 * - per client: one address trying many accounts (credential stuffing);
 * - per account, from anywhere: a slower cap on an account, for a guesser who changes address.
 * A client we cannot identify (see client-address.ts; only when served outside scripts/serve.mjs)
 * shares the key "unknown", so the pair limit becomes a per-account limit and the per-client limit is
 * skipped: counting every unidentified client in one bucket is exactly how one attacker locked all out.
 * Counters live in the database (the RateLimit table, SQLite or PostgreSQL), so every app server
 * counts against the same allowance and a restart forgets nothing; see docs/decisions/014-web-perimeter.md.
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 5, duration: 15 * 60 },
  client: { points: 30, duration: 15 * 60 },
  account: { points: 20, duration: 60 * 60 },
} as const;

export interface SignInAttempt {
  email: string;
  /** from clientAddress(); null when unknown */
  client: string | null;
}

export interface SignInLimiter {
  /** Seconds until this attempt may be made, or 0 when it may go ahead now. */
  retryAfter(attempt: SignInAttempt): Promise<number>;
  failed(attempt: SignInAttempt): Promise<void>;
  succeeded(attempt: SignInAttempt): Promise<void>;
}

export function createSignInLimiter(db: Db, limits: typeof SIGN_IN_LIMITS = SIGN_IN_LIMITS): SignInLimiter {
  const store = (keyPrefix: string, l: { points: number; duration: number }) =>
    new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, ...l });
  const pair = store("signin-pair", limits.pair);
  const client = store("signin-client", limits.client);
  const account = store("signin-account", limits.account);
  const keys = (a: SignInAttempt) => {
    const email = a.email.trim().toLowerCase();
    return { pair: `${email}|${a.client ?? "unknown"}`, client: a.client, account: email };
  };
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  // consume() rejects with the counter once the points are used up; the count still went up
  const count = (p: Promise<unknown>) => p.catch((e) => {
    if (!(e instanceof RateLimiterRes)) throw e;
  });

  return {
    async retryAfter(a) {
      const k = keys(a);
      const [p, c, acc] = await Promise.all([pair.get(k.pair), k.client ? client.get(k.client) : null, account.get(k.account)]);
      return Math.max(wait(p, limits.pair.points), wait(c, limits.client.points), wait(acc, limits.account.points));
    },
    async failed(a) {
      const k = keys(a);
      await Promise.all([count(pair.consume(k.pair)), k.client ? count(client.consume(k.client)) : null, count(account.consume(k.account))]);
    },
    async succeeded(a) {
      // the slow per-account and per-client counters keep running: a success between guesses
      // (the owner signing in) must not hand the guesser a fresh allowance
      await pair.delete(keys(a).pair);
    },
  };
}

/**
 * The app's limiter. The counts are in the database; one instance per process only saves building
 * it per request (process-wide: Next.js loads actions and route handlers as separate module graphs).
 */
export function signInLimiter(): SignInLimiter {
  return processWide("signInLimiter", () => createSignInLimiter(appDb));
}

/** The message for a refused attempt, in whole minutes. */
export function tooManyAttemptsMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
