import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { buildIsCurrent, sourceHash, writeStamp } from "./build-stamp.mjs";
import { freePortSync } from "./free-port";

const ROOT = path.join(__dirname, "..");

function hold(port = 0): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, () => resolve(server));
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

describe("npm start", () => {
  it("says at once that the port is taken, naming it and how to pick another, before any build", async () => {
    const server = await hold();
    const port = portOf(server);
    const started = Date.now();
    const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env: { ...process.env, PORT: String(port), NEXT_DIST_DIR: ".next-start-test" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    server.close();
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} is already in use`);
    expect(output).toContain("PORT=4000 npm start");
    expect(output).not.toMatch(/build/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("the build stamp", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "copydesk-stamp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "lib"));
  writeFileSync(path.join(dir, "lib", "a.ts"), "export const a = 1;\n");
  writeFileSync(path.join(dir, "lib", "a.test.ts"), "// a test\n");
  writeFileSync(path.join(dir, "package-lock.json"), "{}\n");
  const env = { NEXT_DIST_DIR: "build" };

  it("counts as current only for the sources it was made from, and only once the build finished", () => {
    const first = sourceHash(dir, env);
    expect(buildIsCurrent(dir, first, env)).toBe(false);
    mkdirSync(path.join(dir, "build"));
    writeStamp(dir, first, env);
    expect(buildIsCurrent(dir, first, env)).toBe(false); // no BUILD_ID: the build never finished
    writeFileSync(path.join(dir, "build", "BUILD_ID"), "x");
    expect(buildIsCurrent(dir, first, env)).toBe(true);

    writeFileSync(path.join(dir, "lib", "a.test.ts"), "// another test\n");
    expect(sourceHash(dir, env)).toBe(first); // tests are not part of the build
    writeFileSync(path.join(dir, "lib", "a.ts"), "export const a = 2;\n");
    expect(buildIsCurrent(dir, sourceHash(dir, env), env)).toBe(false);
    writeFileSync(path.join(dir, "lib", "a.ts"), "export const a = 1;\n");
    writeFileSync(path.join(dir, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(sourceHash(dir, env)).not.toBe(first);
    expect(sourceHash(dir, { ...env, NEXT_PUBLIC_X: "1" })).not.toBe(sourceHash(dir, env));
  });
});

describe("the end-to-end port", () => {
  it("is the preferred one when free, another free one when something holds it", async () => {
    const server = await hold();
    const taken = portOf(server);
    const other = freePortSync(taken);
    expect(other).not.toBe(taken);
    const probe = await hold(other); // really free
    probe.close();
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(freePortSync(taken)).toBe(taken);
  });
});
