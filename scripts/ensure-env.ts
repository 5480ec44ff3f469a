import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * First-run set-up for the quick start: write a .env with a fresh session secret if there is
 * none, so `npm start` works on a new machine without anyone inventing a secret by hand.
 */
const file = ".env";
const current = existsSync(file) ? readFileSync(file, "utf8") : "";
if (!/^BETTER_AUTH_SECRET=/m.test(current)) {
  const line = `BETTER_AUTH_SECRET=${randomBytes(32).toString("hex")}\n`;
  writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + line);
  console.log("ensure-env: wrote a new BETTER_AUTH_SECRET to .env");
}
