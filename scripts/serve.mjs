// The production server (`npm start`, the e2e and benchmark servers): Next's own request handler
// behind a plain Node http server. Why not `next start`: Next fills X-Forwarded-For from the socket
// only when the client sent none, so the app could never tell one client from another, and the
// sign-in limits per client (decision 014) would be void. Here every request carries the address
// of the socket it came on, in a header no client can set: whatever a client sends under that name
// is replaced. Behind a reverse proxy, TRUSTED_PROXY_HEADER names the proxy's header instead.
import http from "node:http";
import next from "next";

const PEER_HEADER = "x-copydesk-peer-address"; // lib/auth/client-address.ts reads it
// tells the app, in this process only, that every request's PEER_HEADER was written here
// (lib/auth/client-address.ts, PEER_HEADER_FLAG)
globalThis[Symbol.for("copydesk.peer-header-written-by-server")] = true;
const CLIENT_HEADER = "x-copydesk-client-address"; // set only by the auth route (lib/auth/client-address.ts)
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;
const server = http.createServer((req, res) => {
  // while stopping, no connection is kept for a next request (a browser's reconnecting stream), and
  // each answer that ends lets its connection go at once rather than after the keep-alive timeout
  if (stopping) res.setHeader("connection", "close");
  res.once("finish", () => stopping && setImmediate(() => server.closeIdleConnections()));
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  delete req.headers[CLIENT_HEADER];
  void handle(req, res);
});
// LISTEN_HOST: `npm run cluster` keeps its servers on loopback, behind its balancer; default: every interface
server.listen(port, process.env.LISTEN_HOST || undefined, () => console.log(`Copydesk ready on http://${process.env.LISTEN_HOST || "localhost"}:${port}`));

// Stop: take no new connections, end the live streams (their browsers reconnect, to another server
// behind a balancer) and let the check job in hand finish (the app's hooks, lib/shutdown.ts), let the
// requests in flight finish, then leave. SHUTDOWN_GRACE_MS bounds it all; past it the process ends
// with status 1, and what it cut off is done again (a job by another runner once its lease ends).
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Copydesk: ${signal}, stopping (requests in flight and the check job in hand finish first, at most ${GRACE_MS / 1000} s)`);
  setTimeout(() => {
    console.error(`Copydesk: still busy after ${GRACE_MS / 1000} s; stopping anyway`);
    process.exit(1);
  }, GRACE_MS).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  await globalThis[Symbol.for("copydesk.shutdown")]?.();
  // the streams just ended leave their kept-alive connections idle: close them now, not in 5 s
  server.closeIdleConnections();
  await closed;
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => void shutdown(signal));
