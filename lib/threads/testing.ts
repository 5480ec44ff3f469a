/**
 * For tests: run `work` while a 1 ms timer ticks, and give the longest time this thread went without
 * ticking. A thread blocked to the end never ticks at all, so the tail after the last tick counts too.
 */
export async function longestLoopGap<T>(work: () => Promise<T>): Promise<{ result: T; maxGap: number; took: number }> {
  let maxGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const result = await work();
  const took = performance.now() - started;
  clearInterval(timer);
  maxGap = Math.max(maxGap, performance.now() - last);
  return { result, maxGap, took };
}
