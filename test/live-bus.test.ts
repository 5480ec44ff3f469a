import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { parseText } from "@/lib/ingest/parse-text";
import { createMemoryBus, createPgBus, LISTENER_NAME, type LiveBus } from "@/lib/live/bus";
import { liveEventStream } from "@/lib/live/event-stream";
import { liveBus } from "@/lib/live/live";
import type { LiveMessage } from "@/lib/live/messages";
import { createPresence } from "@/lib/live/presence";
import { createRecentChanges } from "@/lib/live/recent-changes";
import { createTestDb, makeActor, testDatabase } from "./test-db";

const { db, url, close } = createTestDb();
const buses: LiveBus[] = [];
/** one bus per simulated app server: on PostgreSQL each has its own LISTEN connection; SQLite has one process */
const sharedMemory = createMemoryBus();
function serverBus(): LiveBus {
  const bus = testDatabase === "postgres" ? createPgBus(url, { retryMs: 100 }) : sharedMemory;
  buses.push(bus);
  return bus;
}
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  await close();
});

function collect(bus: LiveBus) {
  const got: LiveMessage[] = [];
  let resyncs = 0;
  bus.subscribe((m) => got.push(m), () => resyncs++);
  return { got, resyncs: () => resyncs };
}
const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};
const change = (articleId: string): LiveMessage => ({ kind: "change", articleId, what: "annotation", actorId: "u1" });

describe(`live bus (${testDatabase})`, () => {
  it("delivers a message published on one server to the subscribers of every server, its own included", async () => {
    const a = serverBus();
    const b = serverBus();
    const onA = collect(a);
    const onB = collect(b);
    await Promise.all([a.ready(), b.ready()]);
    await b.publish(change("art-1"));
    await until(() => onA.got.some((m) => m.kind === "change" && m.articleId === "art-1") && onB.got.some((m) => m.kind === "change" && m.articleId === "art-1"));
    if (testDatabase !== "postgres") return;
    // a process that only publishes (the seed, the CLI) sends through its query pool and opens no listener
    const publisher = createPgBus(url, { notify: (channel, payload) => db.$executeRaw`SELECT pg_notify(${channel}, ${payload})` });
    buses.push(publisher);
    await publisher.publish(change("art-2"));
    await until(() => onA.got.some((m) => m.kind === "change" && m.articleId === "art-2") && onB.got.some((m) => m.kind === "change" && m.articleId === "art-2"));
  });

  it.runIf(testDatabase === "postgres")("reconnects after losing its listening connection and tells subscribers to resync", async () => {
    const a = serverBus();
    const b = serverBus();
    const onA = collect(a);
    await Promise.all([a.ready(), b.ready()]);
    await b.publish(change("before"));
    await until(() => onA.got.length > 0);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [LISTENER_NAME]);
    } finally {
      await admin.end();
    }
    await until(() => onA.resyncs() > 0);
    await b.publish(change("after"));
    await until(() => onA.got.some((m) => m.kind === "change" && m.articleId === "after"));
  });

  it.runIf(testDatabase === "postgres")("lets a process that only publishes (the seed, the CLI) exit once it is done", async () => {
    const a = serverBus();
    const onA = collect(a);
    await a.ready();
    const child = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "live-publish-child.ts"), "art-child"], {
      env: { ...process.env, DATABASE_URL: url },
      timeout: 15_000,
      encoding: "utf8",
    });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    await until(() => onA.got.some((m) => m.kind === "change" && m.articleId === "art-child"));
  });

  it("announces a change only once its transaction has committed, and not a refused one", async () => {
    const bus = liveBus();
    const got = collect(bus).got;
    const editor = await makeActor(db, "editor");
    const parsed = parseText("Headline here\n\nThe mayor said teh bridge is safe.");
    const article = await ingestArticle({ db, actor: editor, parsed, sourceKind: "paste" });
    const start = parsed.text.indexOf("teh");
    const input = { articleId: article.id, revisionId: article.revisionId, start, end: start + 3, category: "typo" as const, replacement: "the", note: null, speaker: null };
    const seenInside: boolean[] = [];
    bus.subscribe(async (m) => {
      if (m.kind === "change") seenInside.push((await db.annotation.count({ where: { articleId: m.articleId } })) > 0);
    });
    await createAnnotation({ db, actor: editor, input });
    await until(() => got.some((m) => m.kind === "change" && m.articleId === article.id));
    await until(() => seenInside.length > 0);
    expect(seenInside[0]).toBe(true);
    const before = got.length;
    await expect(createAnnotation({ db, actor: editor, input: { ...input, revisionId: "stale" } })).rejects.toThrow(/newer revision/);
    await new Promise((r) => setTimeout(r, 200));
    expect(got.length).toBe(before);
  });
});

describe(`presence (${testDatabase})`, () => {
  const rita = { id: "u-rita", name: "Rita Reviewer", role: "reviewer" as const };
  const eddie = { id: "u-eddie", name: "Eddie Editor", role: "editor" as const };

  it("shows who has an article open on any server, and forgets them when they leave", async () => {
    const [busA, busB] = [serverBus(), serverBus()];
    const a = createPresence(busA, { heartbeatMs: 60_000 });
    const b = createPresence(busB, { heartbeatMs: 60_000 });
    await Promise.all([busA.ready(), busB.ready()]);
    try {
      const leave = a.join("art-p", rita);
      await until(() => b.list("art-p").length === 1);
      expect(b.list("art-p")).toEqual([rita]);
      // a page opened later on the other server learns at once who was already there
      b.join("art-p", eddie);
      await until(() => a.list("art-p").length === 2 && b.list("art-p").length === 2);
      expect(b.list("art-p").map((p) => p.name)).toEqual(["Eddie Editor", "Rita Reviewer"]);
      leave();
      await until(() => b.list("art-p").length === 1);
      expect(b.list("other")).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it("drops a page whose server stopped announcing it (heartbeat time-to-live)", async () => {
    let now = 1_000_000;
    const bus = serverBus();
    const a = createPresence(bus, { heartbeatMs: 60_000 });
    const b = createPresence(bus, { heartbeatMs: 60_000, ttlMs: 25_000, now: () => now });
    await bus.ready();
    try {
      a.join("art-ttl", rita);
      await until(() => b.list("art-ttl").length === 1);
      a.close(); // the server dies: no "gone", no more heartbeats
      now += 26_000;
      expect(b.list("art-ttl")).toEqual([]);
    } finally {
      b.close();
    }
  });

  it("a browser that left before its stream was made leaves nothing behind: no presence, a closed stream", async () => {
    const bus = serverBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    await bus.ready();
    try {
      const gone = new AbortController();
      gone.abort(); // the route was still awaiting the session, the article or the LISTEN
      const stream = liveEventStream({ bus, presence, viewer: eddie, articleId: "art-gone", signal: gone.signal });
      expect(presence.list("art-gone")).toEqual([]);
      expect(await stream.getReader().read()).toEqual({ done: true, value: undefined });
    } finally {
      presence.close();
    }
  });

  it("a page whose stream opens after a change it did not read is told to re-read at once", async () => {
    const bus = serverBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    const recent = createRecentChanges(bus);
    await bus.ready();
    const abort = new AbortController();
    try {
      const renderedAt = Date.now() - 5_000;
      expect(recent.changedSince("art-m", renderedAt)).toBe(false);
      await bus.publish(change("art-m"));
      await until(() => recent.changedSince("art-m", renderedAt));
      expect(recent.changedSince(null, renderedAt)).toBe(true); // the desk: any article
      expect(recent.changedSince("art-other", renderedAt)).toBe(false);
      expect(recent.changedSince("art-m", Date.now() + 5_000)).toBe(false); // rendered after it
      expect(recent.changedSince("art-m", NaN)).toBe(false); // no render time sent

      const stream = liveEventStream({ bus, presence, viewer: eddie, articleId: "art-m", signal: abort.signal, missed: recent.changedSince("art-m", renderedAt) });
      const reader = stream.getReader();
      let text = "";
      while (!/event: change/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain('event: change\ndata: {"articleId":"art-m","what":"missed"}');
    } finally {
      abort.abort();
      recent.close();
      presence.close();
    }
  });

  it("streams presence without the viewer, and changes of the article only", async () => {
    const bus = serverBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    const abort = new AbortController();
    await bus.ready();
    const stream = liveEventStream({ bus, presence, viewer: eddie, articleId: "art-s", signal: abort.signal });
    const reader = stream.getReader();
    let text = "";
    const read = async (want: RegExp) => {
      while (!want.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    try {
      await read(/event: presence\ndata: \[\]/);
      presence.join("art-s", rita);
      await read(/data: \[\{"id":"u-rita","name":"Rita Reviewer","role":"reviewer"\}\]/);
      await bus.publish(change("another-article"));
      await bus.publish(change("art-s"));
      await read(/event: change\ndata: \{"articleId":"art-s","what":"annotation"\}/);
      expect(text).not.toContain("another-article");
      expect(text).not.toContain("u-eddie");
    } finally {
      abort.abort();
      presence.close();
    }
  });
});
