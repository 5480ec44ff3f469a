// The load balancer of `npm run cluster` (decision 024): round robin over the app servers, every
// request to the next one, no sticky sessions (sessions, rate limits, jobs and live updates live in
// PostgreSQL, so any server can answer anything). http-proxy-3 streams responses as they come, so
// Server-Sent Events pass unbuffered, and with `xfwd` it appends the address of the socket it took
// the request on to X-Forwarded-For: the app servers run with TRUSTED_PROXY_HEADER=x-forwarded-for
// and believe only that last entry (decision 014), whatever a client wrote before it.
import http from "node:http";
import { createProxyServer } from "http-proxy-3";

/** how long a server that refused a connection is left out of the rotation */
const REST_MS = 2_000;
/** tells which app server answered (tests and anyone debugging the cluster) */
export const UPSTREAM_HEADER = "x-copydesk-upstream";

/**
 * Starts the balancer on `port` in front of `targets` (app server ports on `targetHost`); resolves
 * once it listens. A server that refuses connections (stopped, restarting) rests for REST_MS and
 * the others take its turns; the request that found it down gets a 502.
 */
export function startBalancer({ port, targets, targetHost = "127.0.0.1", host, log = console.error }) {
  // keep-alive to the app servers: a fresh TCP connection per proxied request would cost more than
  // many of the pages it carries
  const agent = new http.Agent({ keepAlive: true });
  const proxy = createProxyServer({ xfwd: true, agent, proxyTimeout: 0 });
  const restingUntil = new Map();
  let turn = 0;

  function nextTarget() {
    const now = Date.now();
    for (let i = 0; i < targets.length; i++) {
      const t = targets[turn++ % targets.length];
      if ((restingUntil.get(t) ?? 0) <= now) return t;
    }
    return targets[turn++ % targets.length]; // all resting: try anyway rather than refuse outright
  }

  proxy.on("error", (err, req, res) => {
    const t = req.copydeskTarget;
    if (err.code === "ECONNREFUSED") restingUntil.set(t, Date.now() + REST_MS);
    log(`balancer: ${req.method} ${req.url} → :${t}: ${err.code ?? err.message}`);
    // `res` is a socket for upgrades; for ordinary requests answer 502 unless the answer had begun
    if (res && typeof res.writeHead === "function" && !res.headersSent) {
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("Bad gateway: the app server did not answer.\n");
    } else res?.destroy?.();
  });

  const server = http.createServer((req, res) => {
    const t = nextTarget();
    req.copydeskTarget = t;
    res.setHeader(UPSTREAM_HEADER, String(t));
    proxy.web(req, res, { target: `http://${targetHost}:${t}` });
  });
  // Next's pages use no WebSocket; refuse upgrades plainly instead of leaving them hanging
  server.on("upgrade", (_req, socket) => socket.end("HTTP/1.1 501 Not Implemented\r\n\r\n"));
  // SSE streams stay open for as long as a page does
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
