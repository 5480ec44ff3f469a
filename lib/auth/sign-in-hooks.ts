import { APIError, isAPIError } from "better-auth/api";
import { signInLimiter, tooManyAttemptsMessage, type SignInAttempt, type SignInLimiter } from "./sign-in-limiter";

/**
 * The sign-in limits as better-auth hooks: they run for the HTTP endpoint and for `auth.api`
 * calls (the sign-in form's action) alike, so neither is a way around the other.
 */
export async function refuseIfLimited(attempt: SignInAttempt, limiter: SignInLimiter = signInLimiter()): Promise<void> {
  const wait = await limiter.retryAfter(attempt);
  if (wait > 0) {
    throw new APIError("TOO_MANY_REQUESTS", { code: "TOO_MANY_ATTEMPTS", message: tooManyAttemptsMessage(wait) }, { "Retry-After": String(wait) });
  }
}

/** Count the outcome: only wrong credentials are guesses (a crash, or a 400, is not). */
export async function countOutcome(attempt: SignInAttempt, returned: unknown, limiter: SignInLimiter = signInLimiter()): Promise<void> {
  if (isAPIError(returned)) {
    if (returned.statusCode === 401) await limiter.failed(attempt);
    return;
  }
  if (returned !== undefined && !(returned instanceof Error)) await limiter.succeeded(attempt);
}
