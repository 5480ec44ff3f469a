// `npm run cluster`: several app servers on one PostgreSQL behind a round-robin balancer (decision 024).
//   DATABASE_URL=postgresql://… npm run cluster            2 servers on :3001, :3002, balancer on :3000
//   CLUSTER_SERVERS=4 PORT=8080 npm run cluster            4 servers on :8081…:8084, balancer on :8080
// Once for the whole cluster: migrations and the demo seed (`db:setup`, under the migration lock, so a
// second cluster or `npm start` on the same database waits and then finds nothing to do), and the
// build (only when the sources changed, as `npm start`). Then N servers (scripts/serve.mjs) on
// 127.0.0.1 only, and the balancer, the one public URL, on every interface. Every server gets the
// same BETTER_AUTH_URL (the balancer's URL) and the same BETTER_AUTH_SECRET (from .env), and
// believes the client address only from the balancer's X-Forwarded-For entry. A server that ends on
// its own is started again (scripts/supervise.mjs). Ctrl-C stops all.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, sourceHash, writeStamp } from "./build-stamp.mjs";
import { startBalancer } from "./cluster-balancer.mjs";
import { isPostgresUrl } from "./db-migrate.mjs";
import { supervise } from "./supervise.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const loadDotEnv = () => {
  try {
    process.loadEnvFile(); // never overrides what the environment already says
  } catch {
    // no .env yet: db:setup writes one with a secret
  }
};
loadDotEnv();
process.env.NEXT_TELEMETRY_DISABLED = "1";

const fail = (message) => {
  console.error(`cluster: ${message}`);
  process.exit(1);
};
const port = Number(process.env.PORT ?? 3000);
const count = Number(process.env.CLUSTER_SERVERS ?? 2);
if (!isPostgresUrl(process.env.DATABASE_URL)) {
  fail("several app servers need PostgreSQL (SQLite is one process's file). Set DATABASE_URL=postgresql://… (README: Several app servers)");
}
if (!Number.isInteger(port) || port <= 0 || port + count > 65535) fail(`PORT=${process.env.PORT} is not a port number`);
if (!Number.isInteger(count) || count < 1 || count > 16) fail(`CLUSTER_SERVERS=${process.env.CLUSTER_SERVERS}: give 1 to 16`);
const serverPorts = Array.from({ length: count }, (_, i) => port + 1 + i);
const publicUrl = process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`;

// each server: its query pool, the LISTEN connection of live updates, and two connections each for
// the threads that run check jobs and store uploads (THREAD_POOL_MAX in lib/db.ts); PostgreSQL allows
// 100 connections by default, a few kept for superusers
const poolMax = Number(process.env.DATABASE_POOL_MAX ?? 10);
const perServer = poolMax + 1 + 2 * 2;
if (count * perServer > 90) {
  console.warn(`cluster: ${count} servers × ${perServer} connections (${poolMax} pooled, 1 listener, 2 × 2 for the job and upload threads) may exceed PostgreSQL's max_connections (100 by default); lower DATABASE_POOL_MAX`);
}

function portIsFree(p) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e) => (e.code === "EADDRINUSE" || e.code === "EACCES" ? resolve(false) : reject(e)));
    probe.listen(p, () => probe.close(() => resolve(true)));
  });
}
for (const p of [port, ...serverPorts]) {
  if (!(await portIsFree(p))) fail(`port ${p} is already in use; choose another range with PORT=… (the balancer's port; servers take the next ${count})`);
}

function run(command, args) {
  const r = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// once per cluster: migrations + seed (under PostgreSQL's migration lock), then the build
run("npm", ["run", "--silent", "db:setup"]);
loadDotEnv(); // db:setup may just have written the secret
if (!process.env.BETTER_AUTH_SECRET) fail("no BETTER_AUTH_SECRET in the environment or .env");
const hash = sourceHash(root);
if (buildIsCurrent(root, hash)) console.log("cluster: build up to date with the sources");
else {
  console.log("cluster: building once for every server…");
  run("npx", ["next", "build"]);
  writeStamp(root, hash);
}

const serverEnv = {
  ...process.env,
  BETTER_AUTH_URL: publicUrl,
  TRUSTED_PROXY_HEADER: "x-forwarded-for",
  // the servers are reached through the balancer; on loopback only, so nobody off this machine can
  // hand them a forged X-Forwarded-For directly
  LISTEN_HOST: "127.0.0.1",
};
let stopping = false;
/** per server port: its supervisor, which starts it again if it ends on its own (scripts/supervise.mjs) */
const servers = new Map();

function prefixLines(stream, label, out) {
  let rest = "";
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) out.write(`${label} ${line}\n`);
  });
}

for (const p of serverPorts) {
  servers.set(
    p,
    supervise({
      label: `cluster: the server on :${p}`,
      start: () => spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...serverEnv, PORT: String(p) }, stdio: ["ignore", "pipe", "pipe"] }),
      // the balancer routes around a server that is down and takes it back once its port answers
      onStart: (child) => {
        prefixLines(child.stdout, `[:${p}]`, process.stdout);
        prefixLines(child.stderr, `[:${p}]`, process.stderr);
      },
    }),
  );
}

async function ready(p) {
  for (let i = 0; i < 240; i++) {
    // one that ends before it ever answered will not start (a bad setting, say): fail now, not in 2 minutes
    if (servers.get(p).restarts > 0) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${p}/signin`);
      await res.arrayBuffer();
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let balancer;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log("cluster: stopping the balancer and the servers…");
  // before anything is awaited: Ctrl-C reaches the servers too (one process group), and one that
  // ends meanwhile must not be started again
  for (const s of servers.values()) s.noMoreRestarts();
  await balancer?.close();
  // serve.mjs lets requests in flight and the check job in hand finish for up to SHUTDOWN_GRACE_MS
  // (25 s), then exits on its own; don't wait for ever
  const timer = setTimeout(() => {
    for (const s of servers.values()) s.kill();
  }, 30_000);
  await Promise.all([...servers.values()].map((s) => s.stop("SIGTERM")));
  clearTimeout(timer);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(0));

const up = await Promise.all(serverPorts.map(ready));
if (up.some((ok) => !ok)) {
  console.error(`cluster: server(s) on ${serverPorts.filter((_, i) => !up[i]).map((p) => `:${p}`).join(", ")} did not start`);
  await stop(1);
}
try {
  balancer = await startBalancer({ port, targets: serverPorts });
} catch (e) {
  console.error(`cluster: the balancer could not listen on :${port}: ${e.message}`);
  await stop(1);
}
console.log(`Copydesk cluster ready on ${publicUrl} — ${count} app servers (${serverPorts.map((p) => `127.0.0.1:${p}`).join(", ")}), round robin. Ctrl-C stops all.`);
