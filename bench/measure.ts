export interface Throughput {
  /** median milliseconds per run */
  ms: number;
  kbPerSecond: number;
  runs: number;
}

export interface Plan {
  /** keep warming up until both this many runs and this much time have passed: JIT tiers need both */
  warmups: number;
  warmupMs: number;
  runs: number;
  runMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Warm up, then time calls of `fn` and report the median; `bytes` is the input's UTF-8 size. */
export async function throughput(bytes: number, plan: Plan, fn: () => unknown): Promise<Throughput> {
  const started = performance.now();
  for (let i = 0; i < plan.warmups || performance.now() - started < plan.warmupMs; i++) await fn();
  const times: number[] = [];
  const measuring = performance.now();
  while (times.length < plan.runs || performance.now() - measuring < plan.runMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { ms, kbPerSecond: bytes / 1024 / (ms / 1000), runs: times.length };
}

export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
