import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

/**
 * A rebinding DNS: the first answer for a name is public, every later one is loopback. The fetcher
 * must connect to the address it checked, so the loopback server below must never see a request.
 */
const answers = vi.hoisted(() => ({ calls: 0 }));
vi.mock("node:dns/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns/promises")>();
  const lookup = async (host: string, options?: object) => {
    if (host !== "localhost") return real.lookup(host, options as never);
    answers.calls++;
    const address = answers.calls === 1 ? "203.0.114.1" : "127.0.0.1";
    return [{ address, family: 4 }];
  };
  return { ...real, default: { ...real, lookup }, lookup };
});

const { fetchUrl } = await import("./fetch-url");

let server: Server;
let port: number;
let hits = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("internal admin page");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it("connects to the address it checked, not to a second answer from a rebinding DNS", async () => {
  const failure = await fetchUrl(`http://localhost:${port}/admin`, { allowPrivate: false, timeoutMs: 1_500 }).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: "fetch_failed" });
  expect(hits).toBe(0);
  expect(answers.calls).toBe(1);
});
