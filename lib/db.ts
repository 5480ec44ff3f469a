import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-pg/client";
import { env } from "@/lib/env";

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
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), transactionOptions: TRANSACTIONS });
}

/**
 * Longer than Prisma's defaults (2 s to start, 5 s to finish). A long revision is written in slices
 * with a turn of the event loop between them (decision 030), so on a busy server its transaction lasts
 * as long as those turns take: at 5 s a 1.5 MB upload failed with a 500 on a loaded CI machine, and
 * the transactions queued behind it (SQLite takes one at a time) gave up after 2 s. Waiting is
 * asynchronous, so other requests are served meanwhile; the bounds still end a stuck transaction.
 */
const TRANSACTIONS = { maxWait: 15_000, timeout: 30_000 };

export const dbProvider: "postgresql" | "sqlite" = isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite";

// One client per process; in dev, Next reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient(env.DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

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
