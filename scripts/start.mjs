// `npm start`: say at once if the port is taken, prepare the database, build only if the sources
// changed since the last build (scripts/build-stamp.mjs), then serve (scripts/serve.mjs).
import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, sourceHash, writeStamp } from "./build-stamp.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** Bind the port as the server will (every interface) and let it go: the only sure test of "free". */
function portIsFree(p) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e) => (e.code === "EADDRINUSE" || e.code === "EACCES" ? resolve(false) : reject(e)));
    probe.listen(p, () => probe.close(() => resolve(true)));
  });
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number. Start with, for example: PORT=4000 npm start`);
  process.exit(1);
}
if (!(await portIsFree(port))) {
  console.error(`Port ${port} is already in use (another Copydesk, or another program).\nStop it, or start on another port: PORT=${port === 4000 ? 4001 : 4000} npm start`);
  process.exit(1);
}

run("npm", ["run", "--silent", "db:setup"]);
const hash = sourceHash(root);
if (buildIsCurrent(root, hash)) {
  console.log("build: up to date with the sources, not rebuilding");
} else {
  console.log("build: the sources changed since the last build (or there is none); building…");
  run("npx", ["next", "build"]);
  writeStamp(root, hash);
}
// in this process, so signals reach the server itself (it lets requests in flight finish)
await import("./serve.mjs");
