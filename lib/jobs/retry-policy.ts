/** A job that failed this many times (or whose runner died this many times) stays failed until a Re-check. */
export const MAX_ATTEMPTS = 5;

const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

/**
 * How long a job waits after its n-th failed attempt: 5 s, 20 s, 80 s, … (at most 10 min), so a
 * database blip is retried at once while a broken dependency is not hammered. Null: no attempts left.
 */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.min(FIRST_DELAY_MS * 4 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}
