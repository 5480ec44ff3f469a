import { EventEmitter } from "node:events";
import pg from "pg";
import { readLiveMessage, type LiveMessage } from "./messages";

/**
 * Fan-out between app processes. Every process receives every message, its own included, so a
 * publisher and its subscribers never need to know whether they share a process.
 */
export interface LiveBus {
  publish(message: LiveMessage): Promise<void>;
  /** `onResync` runs when messages may have been missed (a dropped connection): re-read everything */
  subscribe(onMessage: (m: LiveMessage) => void, onResync?: () => void): () => void;
  /** resolves once this process hears the bus (its LISTEN is in place) */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process on SQLite: nothing to cross, so an in-memory emitter is the whole bus. */
export function createMemoryBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(m) {
      // after the caller's own work, as a notification would arrive
      queueMicrotask(() => emitter.emit("message", m));
    },
    subscribe(onMessage, onResync) {
      emitter.on("message", onMessage);
      if (onResync) emitter.on("resync", onResync);
      return () => {
        emitter.off("message", onMessage);
        if (onResync) emitter.off("resync", onResync);
      };
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export const CHANNEL = "copydesk_live";

export interface PgBusOptions {
  retryMs?: number;
  /** how to send (the app's query pool); by default the listening connection */
  notify?: (channel: string, payload: string) => Promise<unknown>;
}

/** the listening connection's name in pg_stat_activity */
export const LISTENER_NAME = "copydesk-live";

/**
 * Several app servers on PostgreSQL: LISTEN/NOTIFY on one dedicated connection per process (LISTEN
 * belongs to a session, so it cannot come from the query pool). Without `notify`, it also sends.
 * Notifications sent while it is down are lost, so it reconnects and tells subscribers to resync.
 * The connection opens on the first subscription: a process that only publishes (the seed, the CLI)
 * sends through `notify` and holds no extra connection, so it can exit.
 */
export function createPgBus(url: string, { retryMs = 1000, notify }: PgBusOptions = {}): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  /** the connection being opened or open: events from an older one are ignored */
  let current: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let everConnected = false;
  let queue: Promise<void> = Promise.resolve();

  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      // keep-alive: a connection a NAT or a failover dropped without a word is noticed and reopened
      // (with a resync), not left listening to nothing; a database that does not answer fails the
      // connect in 10 s, so a page's stream waits no longer than that for bus.ready()
      const c = new pg.Client({ connectionString: url, application_name: LISTENER_NAME, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 10_000 });
      current = c;
      c.on("notification", (n) => {
        const m = n.channel === CHANNEL && n.payload ? readLiveMessage(n.payload) : null;
        if (m) emitter.emit("message", m);
      });
      c.on("error", () => drop(c));
      c.on("end", () => drop(c));
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (e) {
        connecting = null;
        current = null;
        await c.end().catch(() => {});
        throw e;
      }
      client = c;
      if (everConnected) emitter.emit("resync");
      everConnected = true;
      return c;
    })());

  function drop(c: pg.Client) {
    if (c !== current) return;
    current = null;
    client = null;
    connecting = null;
    c.end().catch(() => {});
    if (!closed) scheduleReconnect();
  }
  function scheduleReconnect() {
    setTimeout(() => {
      if (!closed && !client) connect().catch(scheduleReconnect);
    }, retryMs).unref();
  }

  return {
    publish(m) {
      if (notify) return notify(CHANNEL, JSON.stringify(m)).then(() => {});
      // one query at a time on the connection (pg 9 will refuse overlapping ones)
      const sent = queue.then(async () => {
        const c = client ?? (await connect());
        await c.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(m)]);
      });
      queue = sent.catch(() => {});
      return sent;
    },
    subscribe(onMessage, onResync) {
      emitter.on("message", onMessage);
      if (onResync) emitter.on("resync", onResync);
      if (!client) connect().catch(scheduleReconnect);
      return () => {
        emitter.off("message", onMessage);
        if (onResync) emitter.off("resync", onResync);
      };
    },
    async ready() {
      if (!client) await connect();
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      const c = client ?? (await connecting?.catch(() => null));
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
