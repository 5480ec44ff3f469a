// The load balancer of `npm run cluster` (decision 024): round robin over the app servers, every
// request to the next one, no sticky sessions (sessions, rate limits, jobs and live updates live in
// PostgreSQL, so any server can answer anything). http-proxy-3 streams responses as they come, so
// Server-Sent Events pass unbuffered, and with `xfwd` it appends the address of the socket it took
// the request on to X-Forwarded-For: the app servers run with TRUSTED_PROXY_HEADER=x-forwarded-for
// and believe only that last entry (decision 014), whatever a client wrote before it.
import http from "node:http";
import net from "node:net";
import { Readable } from "node:stream";
import { createProxyServer } from "http-proxy-3";

/**
 * A server that refused a connection is out of the rotation until it accepts one again: the balancer
 * knocks (a bare TCP connect) this often. Until then no request is sent there to find out, so a
 * stopped server costs at most the one request that found it stopped, not one every few seconds.
 */
const PROBE_MS = 500;
/**
 * A request with a body that met a refused connection never reached any server, so it is safe to send
 * elsewhere, whatever its method, if its body was kept: bodies up to this size are (the app's own
 * limits are 2 MB for the API, 6 MB for a form).
 */
const KEEP_BODY_BYTES = 8 * 1024 * 1024;
/**
 * Requests the balancer may send to the next server when the first one cut the connection before
 * answering (it may have read and acted on them): methods without side effects and without a body.
 * nginx does the same by default (`proxy_next_upstream error timeout`, idempotent methods only).
 * A refused connection is another matter: nothing reached that server (see KEEP_BODY_BYTES).
 */
const RESENDABLE = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Connection errors before any answer: refused (the server is stopped or restarting), or reset (the
 * server died, or closed a kept-alive connection just as the balancer sent the next request on it:
 * IDLE_MS makes that rare, not impossible).
 */
const BEFORE_ANSWER = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE"]);
/**
 * The agent's socket timeout. Node's agent closes a kept-alive connection that sat idle for the
 * smaller of this and the server's own `Keep-Alive: timeout=N` hint less a second (4 s against our
 * servers' 5 s), so it lets go of a connection before the server closes it. Without a timeout of its
 * own the agent ignores that hint and kept idle connections forever, and now and then sent a request
 * on one the server was closing at that instant: a reset, which a POST cannot survive (502).
 * On a connection in use the timer keeps running (on a reused one, the ~4 s from the hint), but Node
 * then only emits a `timeout` event, which nothing here acts on: http-proxy-3 listens for it only
 * with `proxyTimeout` set, and it is 0. So a quiet event stream stays open; a `proxyTimeout` would
 * change that (scripts/cluster-balancer.test.ts holds a quiet stream on a reused connection).
 */
const IDLE_MS = 60_000;
/** tells which app server answered (tests and anyone debugging the cluster) */
export const UPSTREAM_HEADER = "x-copydesk-upstream";

/**
 * Starts the balancer on `port` in front of `targets` (app server ports on `targetHost`); resolves
 * once it listens. A server that refuses connections (stopped, restarting) is left out until it
 * accepts one again (PROBE_MS), and the others take its turns. A request that failed before any
 * answer is sent to the next server when that is safe: a refused one always (it reached nobody), one
 * cut off otherwise only if it changes nothing (RESENDABLE); else it gets a 502.
 */
export function startBalancer({ port, targets, targetHost = "127.0.0.1", host, log = console.error, idleMs = IDLE_MS, probeMs = PROBE_MS }) {
  // keep-alive to the app servers: a fresh TCP connection per proxied request would cost more than
  // many of the pages it carries
  const agent = new http.Agent({ keepAlive: true, timeout: idleMs });
  const proxy = createProxyServer({ xfwd: true, agent, proxyTimeout: 0 });
  /** servers that refused a connection and have not accepted one since, each with its knocking timer */
  const down = new Map();
  let closed = false;
  let turn = 0;

  function markDown(t) {
    if (down.has(t) || closed) return;
    const knock = () => {
      const socket = net.connect({ port: t, host: targetHost });
      socket.once("connect", () => {
        socket.destroy();
        down.delete(t);
        log(`balancer: :${t} accepts connections again; back in the rotation`);
      });
      socket.once("error", () => {
        socket.destroy();
        if (!closed) down.set(t, setTimeout(knock, probeMs));
      });
    };
    down.set(t, setTimeout(knock, probeMs));
  }

  /** the next server in turn that is up and, for a retry, has not had this request yet */
  function nextTarget(tried) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[turn++ % targets.length];
      if (!down.has(t) && !tried.has(t)) return t;
    }
    // all down or tried: a fresh request tries anyway rather than refuse outright; a retry goes to
    // one that has not had it, or, with a single server, to that server on a new connection
    const untried = targets.filter((t) => !tried.has(t));
    return untried.length ? untried[turn++ % untried.length] : targets[turn++ % targets.length];
  }

  /**
   * Keep a copy of the request's body as it streams to the first server (up to KEEP_BODY_BYTES), so
   * it can be sent again if that server refused the connection: then nobody has seen it.
   */
  function keepBody(req) {
    const chunks = [];
    let size = 0;
    req.copydeskBody = { chunks, whole: false, tooBig: false };
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > KEEP_BODY_BYTES) req.copydeskBody.tooBig = true;
      else chunks.push(chunk);
    });
    req.once("end", () => (req.copydeskBody.whole = true));
  }

  /** one try of `req` on the next server; a retry sends the body kept from the first (or none) */
  function send(req, res, retry) {
    req.copydeskTried ??= new Set();
    const t = nextTarget(req.copydeskTried);
    req.copydeskTried.add(t);
    req.copydeskTarget = t;
    req.copydeskTries = (req.copydeskTries ?? 0) + 1;
    res.setHeader(UPSTREAM_HEADER, String(t));
    if (!retry && hasBody(req)) keepBody(req);
    proxy.web(req, res, { target: `http://${targetHost}:${t}`, ...(retry ? { buffer: Readable.from(req.copydeskBody?.chunks ?? []) } : {}) });
  }
  const hasBody = (req) => (req.headers["content-length"] ?? "0") !== "0" || req.headers["transfer-encoding"] !== undefined;

  /** Resend once the whole body is in hand: the first server's refusal may come before the client sent it all. */
  function resendWithBody(req, res) {
    const body = req.copydeskBody;
    if (body.whole) return send(req, res, true);
    // the failed pipe let go of the request: read the rest of its body into the copy
    req.resume();
    req.once("end", () => (body.tooBig ? answer502(res) : send(req, res, true)));
  }
  function answer502(res) {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad gateway: the app server did not answer.\n");
  }

  // a server that began its answer (status and headers, copied onto `res` before any byte is sent)
  // has handled the request: a failure after that is never sent elsewhere, nor patched into a 502
  proxy.on("proxyRes", (proxyRes, req, res) => {
    req.copydeskAnswered = true;
    // a server that dies mid-answer: cut the client's answer off too, or it waits for bytes that never come
    proxyRes.on("close", () => {
      if (!proxyRes.complete) res.destroy();
    });
  });

  proxy.on("error", (err, req, res) => {
    const t = req.copydeskTarget;
    const refused = err.code === "ECONNREFUSED";
    if (refused) markDown(t);
    // `res` is a socket for upgrades; for ordinary requests answer 502 unless a server's answer had begun
    const answerable = res && typeof res.writeHead === "function" && !res.headersSent && !req.copydeskAnswered;
    // A refused connection reached nobody: any request may go elsewhere, if its body was kept whole.
    // A reset may come after the server read the request: only a request that changes nothing.
    const safe = refused ? !hasBody(req) || (req.copydeskBody && !req.copydeskBody.tooBig) : RESENDABLE.has(req.method) && !hasBody(req);
    // one try per server (two with a single server: a new connection after a reset); never for a client that has gone
    const resend = answerable && !req.socket.destroyed && safe && BEFORE_ANSWER.has(err.code) && req.copydeskTries < Math.max(2, targets.length);
    log(`balancer: ${req.method} ${req.url} → :${t}: ${err.code ?? err.message}${resend ? "; sent to the next server" : ""}`);
    if (resend) hasBody(req) ? resendWithBody(req, res) : send(req, res, true);
    else if (answerable) answer502(res);
    else res?.destroy?.();
  });

  const server = http.createServer((req, res) => send(req, res, false));
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
            closed = true;
            for (const timer of down.values()) clearTimeout(timer);
            down.clear();
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
