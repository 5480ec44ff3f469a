import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (the cluster runs it with node, not through the app's build)
import { startBalancer, UPSTREAM_HEADER } from "./cluster-balancer.mjs";

type Upstream = { port: number; close(): Promise<void>; requests: string[]; bodies: string[] };
const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

/** A real app-server stand-in: answers with its name, or drops the connection without answering. */
async function upstream(name: string, behave: "answer" | "drop" | "half", port = 0): Promise<Upstream> {
  const requests: string[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (behave === "drop") {
      req.socket.destroy(); // what a server that closed a kept-alive connection looks like to the balancer
      return;
    }
    if (behave === "half") {
      // a server that handled the request, began its answer, then died
      res.writeHead(200, { "content-length": "100", "set-cookie": `from=${name}` });
      res.write("part");
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (chunks.length) bodies.push(Buffer.concat(chunks).toString());
      res.end(name);
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  const close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  opened.push(close);
  return { port: (server.address() as AddressInfo).port, close, requests, bodies };
}

async function balancer(targets: number[], options: { idleMs?: number; probeMs?: number } = {}) {
  const logged: string[] = [];
  const b = await startBalancer({ port: 0, targets, host: "127.0.0.1", log: (m: string) => logged.push(m), ...options });
  opened.push(b.close);
  return { base: `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`, logged };
}

/** a port nothing listens on: opened and closed again */
async function deadPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("the cluster's balancer, when a server fails before answering", () => {
  it("sends a GET to the next server when the connection is reset", async () => {
    const a = await upstream("A", "drop");
    const b = await upstream("B", "answer");
    const { base, logged } = await balancer([a.port, b.port]);
    const res = await fetch(`${base}/articles`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("B");
    expect(res.headers.get(UPSTREAM_HEADER)).toBe(String(b.port));
    expect(a.requests).toEqual(["GET /articles"]);
    expect(logged.join("\n")).toMatch(/ECONNRESET; sent to the next server/);
  });

  it("sends a GET to the next server when a server refuses connections", async () => {
    const b = await upstream("B", "answer");
    const { base } = await balancer([await deadPort(), b.port]);
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("B");
  });

  it("never sends a POST twice: the first server may have acted on it", async () => {
    const a = await upstream("A", "drop");
    const b = await upstream("B", "answer");
    const { base } = await balancer([a.port, b.port]);
    const res = await fetch(`${base}/api/review/approve`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(502);
    expect(a.requests).toEqual(["POST /api/review/approve"]);
    expect(b.requests).toEqual([]);
  });

  it("sends a POST on when its server refused the connection (nobody saw it), body and all", async () => {
    const b = await upstream("B", "answer");
    const { base } = await balancer([await deadPort(), b.port]);
    const body = JSON.stringify({ text: "x".repeat(200_000) });
    const res = await fetch(`${base}/api/articles`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("B");
    expect(b.requests).toEqual(["POST /api/articles"]);
    expect(b.bodies).toEqual([body]);
  });

  it("leaves a stopped server out until it accepts connections again, so no later request finds it stopped", async () => {
    const a = await upstream("A", "answer");
    const b = await upstream("B", "answer");
    const stopped = a.port;
    await a.close();
    const { base, logged } = await balancer([stopped, b.port], { probeMs: 50 });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await fetch(`${base}/x`, { method: "POST", body: "{}" })).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect(logged.filter((l) => /ECONNREFUSED/.test(l))).toHaveLength(1); // only the first request met it
    // the server comes back on its port: it rejoins the rotation
    const again = await upstream("A again", "answer", stopped);
    await expect.poll(() => logged.some((l) => /back in the rotation/.test(l))).toBe(true);
    const names = await Promise.all([1, 2, 3, 4].map(() => fetch(`${base}/`).then((r) => r.text())));
    expect(names).toContain("A again");
    expect(again.requests.length).toBeGreaterThan(0);
  });

  it("gives each server one try, also when other requests take turns in between", async () => {
    const a = await upstream("A", "drop");
    const b = await upstream("B", "answer");
    const { base } = await balancer([a.port, b.port]);
    const answers = await Promise.all([1, 2, 3, 4].map(() => fetch(`${base}/`).then(async (r) => [r.status, await r.text()])));
    expect(answers).toEqual([[200, "B"], [200, "B"], [200, "B"], [200, "B"]]);
  });

  it("never sends a request elsewhere once a server has begun its answer", async () => {
    const a = await upstream("A", "half");
    const b = await upstream("B", "answer");
    const { base } = await balancer([a.port, b.port]);
    const outcome = await fetch(`${base}/`).then((r) => r.text()).then(() => "whole answer", () => "cut off");
    expect(outcome).toBe("cut off");
    expect(b.requests).toEqual([]);
  });

  it("gives up with a 502 once every server has had its try", async () => {
    const a = await upstream("A", "drop");
    const b = await upstream("B", "drop");
    const { base } = await balancer([a.port, b.port]);
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(502);
    expect(a.requests.length + b.requests.length).toBe(2);
  });
});

describe("the cluster's balancer, between requests", () => {
  /** a server that counts the connections it was opened on and closes idle ones after `keepAliveMs` */
  async function counting(keepAliveMs: number, handler: http.RequestListener) {
    const server = http.createServer(handler);
    server.keepAliveTimeout = keepAliveMs;
    let connections = 0;
    server.on("connection", () => connections++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    opened.push(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
    return { port: (server.address() as AddressInfo).port, connections: () => connections };
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("lets go of an idle connection before the server closes it, so no request goes out on one being closed", async () => {
    // the server announces `Keep-Alive: timeout=3`: the balancer must stop using the connection by ~2 s
    const s = await counting(3_000, (req, res) => { req.resume(); req.on("end", () => res.end("ok")); });
    const { base } = await balancer([s.port]);
    expect((await fetch(`${base}/`, { method: "POST", body: "a" })).status).toBe(200);
    await sleep(2_500); // past the balancer's idle limit, before the server's
    expect((await fetch(`${base}/`, { method: "POST", body: "b" })).status).toBe(200);
    expect(s.connections()).toBe(2);
    // back to back, the kept-alive connection is used again
    expect((await fetch(`${base}/`, { method: "POST", body: "c" })).status).toBe(200);
    expect(s.connections()).toBe(2);
  });

  it("keeps a quiet answer in progress open past the idle limit (a live-updates stream)", async () => {
    const s = await counting(5_000, (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: two\n\n"), 1_500);
    });
    const { base } = await balancer([s.port], { idleMs: 500 });
    const res = await fetch(`${base}/events`);
    expect(await res.text()).toBe("data: one\n\ndata: two\n\n");
  });

  it("keeps a quiet answer open on a reused connection too, whose timer came from the server's hint", async () => {
    // hint `timeout=3`: a reused connection carries a ~2 s timer; the stream is quiet for longer
    const s = await counting(3_000, (req, res) => {
      if (req.url !== "/events") return void res.end("ok");
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: two\n\n"), 2_500);
    });
    const { base } = await balancer([s.port]);
    expect(await (await fetch(`${base}/`)).text()).toBe("ok");
    const res = await fetch(`${base}/events`);
    expect(await res.text()).toBe("data: one\n\ndata: two\n\n");
    expect(s.connections()).toBe(1); // the stream did run on the kept-alive connection
  });
});
