import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { setImmediate as nextTurn } from "node:timers/promises";
import { isMainThread } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-pg/client";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";

/** `DATABASE_URL=postgres://…` or `postgresql://…` switches to PostgreSQL; anything else is a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * A generated Prisma client is tied to its provider, so there are two (prisma/schema.prisma and the
 * derived prisma/postgres/schema.prisma) with the same models. The app is typed against the SQLite
 * one: its input types are a subset of PostgreSQL's (no `mode: "insensitive"`, one isolation level),
 * so code that compiles runs on both (decision 019).
 */
export function createClient(url: string, { poolMax = env.DATABASE_POOL_MAX }: { poolMax?: number } = {}): PrismaClient {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }), transactionOptions: TRANSACTIONS }) as unknown as PrismaClient;
  }
  const connection: { current?: BetterSqlite3.Database } = {};
  const client = new PrismaClient({ adapter: keepConnection(new PrismaBetterSQLite3({ url }), connection), transactionOptions: TRANSACTIONS });
  Object.defineProperty(client, SQLITE_CONNECTION, { value: connection });
  return client;
}

// Symbol.for: a second copy of this module (dev reloads, Next's layers) must find the same key
const SQLITE_CONNECTION = Symbol.for("copydesk.sqliteConnection");

type AdapterFactory = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/** The adapter factory as Prisma's, but it remembers the better-sqlite3 connection it opens. */
function keepConnection(factory: PrismaBetterSQLite3, into: { current?: BetterSqlite3.Database }): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connectToShadowDb: () => factory.connectToShadowDb(),
    connect: async () => {
      const adapter = await factory.connect();
      // the adapter's own field (not in its types): the one better-sqlite3 connection every query of
      // this client uses. Should an upgrade rename it, the app keeps working through Prisma alone.
      const connection = (adapter as unknown as { client?: Partial<BetterSqlite3.Database> }).client;
      if (typeof connection?.prepare === "function" && typeof connection.pragma === "function" && typeof connection.inTransaction === "boolean") {
        useWriteAheadLog(connection as BetterSqlite3.Database);
        beginImmediate(connection as BetterSqlite3.Database);
        into.current = connection as BetterSqlite3.Database;
        answerOnALaterTurn(adapter);
      } else {
        console.warn("copydesk: the SQLite adapter's connection was not found; long writes go through Prisma (slower, decision 031)");
      }
      return adapter;
    },
  };
}

/**
 * better-sqlite3 answers synchronously, so a request's chain of awaited queries (a page's reads, a
 * job's steps) ran as one long task: a request arriving meanwhile waited for all of it, and a burst of
 * uploads and check jobs added up to 200 ms and more for a page (issue 8). A query outside a
 * transaction now answers on a later turn of the event loop, as a networked database's would, so
 * requests interleave query by query. Queries inside a transaction are untouched: a turn there would
 * hold SQLite's one connection's transaction open for the others (decision 030).
 */
function answerOnALaterTurn(adapter: Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>): void {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    await nextTurn();
    return queryRaw(query);
  };
  adapter.executeRaw = async (query) => {
    await nextTurn();
    return executeRaw(query);
  };
}

/**
 * Transactions begin with `BEGIN IMMEDIATE`, not the adapter's plain `BEGIN`. A plain (deferred)
 * transaction that reads, then writes — most of ours: check the article is open, then store the mark —
 * fails at once with SQLITE_BUSY_SNAPSHOT when another process (`npm run worker`, a second server on
 * the same file) committed in between: its snapshot is stale, and waiting cannot help. An immediate
 * one takes the write lock first and waits its turn (the busy timeout) instead. In this process the
 * adapter already runs one transaction at a time, so nothing here waits longer than before.
 */
function beginImmediate(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection);
  let begin: { run(): unknown } | null = null;
  connection.prepare = ((source: string) => {
    if (source !== "BEGIN") return prepare(source);
    begin ??= beginOrFallBack(prepare("BEGIN IMMEDIATE"), prepare("BEGIN"));
    return begin;
  }) as typeof connection.prepare;
}

/**
 * The adapter takes its transaction mutex before BEGIN and does not let go of it if BEGIN throws: a
 * plain BEGIN never throws, an immediate one does when another process holds the write lock past the
 * busy timeout (5 s). That would leave every later transaction of this process waiting for ever. So a
 * BEGIN IMMEDIATE that finds the database busy falls back to a plain BEGIN: that transaction may still
 * fail at its first write, as every one did before, but the next ones are unaffected.
 */
function beginOrFallBack(immediate: BetterSqlite3.Statement, deferred: BetterSqlite3.Statement) {
  return {
    run() {
      try {
        return immediate.run();
      } catch (e) {
        if (!String((e as { code?: string }).code ?? "").startsWith("SQLITE_BUSY")) throw e;
        return deferred.run();
      }
    },
  };
}

/**
 * Write-ahead logging with `synchronous = NORMAL`, SQLite's own advice for applications: a commit
 * appends to the log and does not wait for the disk (with the default rollback journal and FULL, every
 * commit made two fsyncs on the page thread: ~1.2 ms for a one-row write here, ~25 ms for a 1.5 MB
 * revision under load), and readers in other processes (`npm run worker`, the tests) no longer wait
 * for a writer. In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits,
 * never an application crash. The mode is stored in the file, so it is set once; a file another
 * process holds locked right now keeps its journal, and then FULL too (NORMAL is safe only with WAL).
 */
function useWriteAheadLog(connection: BetterSqlite3.Database): void {
  if (connection.memory) return;
  let mode: unknown;
  try {
    mode = connection.pragma("journal_mode = WAL", { simple: true });
  } catch {
    return; // locked by another process at this moment: the next start sets it
  }
  if (String(mode).toLowerCase() === "wal") connection.pragma("synchronous = NORMAL");
}

/**
 * The better-sqlite3 connection under a SQLite client or one of its transactions (the transaction
 * client passes the client's own properties through), for bulk writes that Prisma's query compiler
 * makes slow: it runs on the calling thread and copies every value into and out of WebAssembly, so a
 * 1.5 MB text held the thread ~35 ms even as a raw query, where the driver takes 3 ms (decision 031).
 * A statement run here inside `$transaction` is part of that transaction: SQLite transactions belong
 * to the connection, and the adapter has only this one. Null on PostgreSQL.
 */
export function sqliteConnection(client: Db | Tx): BetterSqlite3.Database | null {
  const held = (client as unknown as Record<symbol, { current?: BetterSqlite3.Database } | undefined>)[SQLITE_CONNECTION];
  return held?.current ?? null;
}

/**
 * Longer than Prisma's defaults (2 s to start, 5 s to finish). On PostgreSQL a long revision is written
 * in slices with a turn of the event loop between them (decision 030), so on a busy server its
 * transaction lasts as long as those turns take: at 5 s a 1.5 MB upload failed with a 500 on a loaded
 * CI machine, and on SQLite (one transaction at a time) the transactions queued behind a long one gave
 * up after 2 s. Waiting is asynchronous, so other requests are served meanwhile; the bounds still end
 * a stuck transaction.
 */
const TRANSACTIONS = { maxWait: 15_000, timeout: 30_000 };

/**
 * A worker thread's own client (the check runner's and the upload store's, on PostgreSQL: decision
 * 027) does one thing at a time: a transaction and a query beside it. Each thread has its own global
 * object, so with the app's pool size it would open as many connections again as the page thread.
 */
export const THREAD_POOL_MAX = 2;

export const dbProvider: "postgresql" | "sqlite" = isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite";

/**
 * The app's client: one per process, so one SQLite connection for every request, job and action.
 * Next.js loads instrumentation, route handlers and pages as separate module graphs (and reloads
 * modules in development); a client per graph gave one server three SQLite connections on one
 * thread, where a write waiting on another connection's lock blocks the whole thread.
 */
export const db: PrismaClient = processWide("prisma", () => createClient(env.DATABASE_URL, { poolMax: isMainThread ? env.DATABASE_POOL_MAX : THREAD_POOL_MAX }));

export type Db = PrismaClient;
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Whether a client (or a transaction's client) talks to PostgreSQL, where every open transaction has
 * a connection of its own and others run beside it; on SQLite the app's one connection takes one
 * transaction at a time, and the others wait for it. (Prisma's own field: the generated clients name
 * their provider in `_activeProvider`.)
 */
export function isPostgresClient(client: Db | Tx): boolean {
  return (client as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}
