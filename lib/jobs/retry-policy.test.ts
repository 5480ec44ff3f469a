import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";

describe("retryDelayMs", () => {
  it("backs off geometrically and is capped", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5_000, 20_000, 80_000]);
    for (let a = 1; a < MAX_ATTEMPTS; a++) expect(retryDelayMs(a)!).toBeLessThanOrEqual(10 * 60_000);
  });
  it("gives up after the last attempt", () => {
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).not.toBeNull();
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
  });
});
