// A port for the end-to-end server, chosen before Playwright starts it: the preferred one if
// nothing holds it, else one the system says is free. Synchronous (Playwright's config is), so
// the probe runs in a short child process.
import { execFileSync } from "node:child_process";

const PROBE = `
const net = require("node:net");
const tryPort = (port, next) => {
  const s = net.createServer();
  s.once("error", next);
  s.listen(port, () => { const { port: p } = s.address(); s.close(() => process.stdout.write(String(p))); });
};
tryPort(Number(process.argv[1]), () => tryPort(0, (e) => { throw e; }));
`;

export function freePortSync(preferred: number): number {
  return Number(execFileSync(process.execPath, ["-e", PROBE, String(preferred)], { encoding: "utf8" }));
}
