// Keeps one child process running for `npm run cluster` (decision 040). A server that ends on its
// own (a crash, the kernel's out-of-memory killer) would otherwise leave the cluster one server short
// until someone restarted it by hand; the balancer already routes around it and takes it back once
// its port answers. Restarts pause 1 s, doubling with each start that fails quickly up to 30 s (a
// server that cannot start must not spin a core), and fall back to 1 s once a start has lasted a
// minute.

/**
 * @param {object} o
 * @param {() => import("node:child_process").ChildProcess} o.start  starts the process (again)
 * @param {string} o.label  names it in the log
 * @param {(line: string) => void} [o.log]
 * @param {(child: import("node:child_process").ChildProcess) => void} [o.onStart]  each new process
 */
export function supervise({ start, label, log = (line) => console.error(line), onStart = () => {}, minDelayMs = 1_000, maxDelayMs = 30_000, healthyAfterMs = 60_000 }) {
  let child = null;
  let stopped = false;
  let delay = minDelayMs;
  let timer = null;
  let restarts = 0;

  const launch = () => {
    timer = null;
    const startedAt = Date.now();
    const current = start();
    child = current;
    onStart(current);
    current.once("exit", (code, signal) => {
      if (child === current) child = null;
      if (stopped) return;
      if (Date.now() - startedAt >= healthyAfterMs) delay = minDelayMs;
      log(`${label} stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s`);
      restarts++;
      timer = setTimeout(launch, delay);
      delay = Math.min(delay * 2, maxDelayMs);
    });
  };
  launch();

  return {
    /** the running process, or null between a stop and its restart */
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    /** No more restarts from now on (a stop begins: whatever ends next stays ended). */
    noMoreRestarts() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    /** No more restarts; sends `signal` to the running process and resolves once it has exited. */
    stop(signal = "SIGTERM") {
      this.noMoreRestarts();
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill(signal);
      return exited;
    },
    /** Kills the running process at once (after stop, when it outlives its grace). */
    kill() {
      child?.kill("SIGKILL");
    },
  };
}
