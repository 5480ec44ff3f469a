import { db, isPostgresUrl } from "@/lib/db";
import { env } from "@/lib/env";
import { processWide, replaceProcessWide } from "@/lib/process-wide";
import { createMemoryBus, createPgBus, type LiveBus } from "./bus";
import { createPresence, type Presence } from "./presence";
import { createRecentChanges, type RecentChanges } from "./recent-changes";

// one per process (Next.js loads route handlers and server actions as separate module graphs): two
// buses in one process would each see only half the events

/**
 * This process's bus: LISTEN/NOTIFY on PostgreSQL (sent through the app's query pool, so a process
 * that never listens opens no extra connection), in memory on SQLite (one process).
 */
export function liveBus(): LiveBus {
  return processWide<LiveBus>("liveBus", () =>
    isPostgresUrl(env.DATABASE_URL)
      ? createPgBus(env.DATABASE_URL, { notify: (channel, payload) => db.$executeRaw`SELECT pg_notify(${channel}, ${payload})` })
      : createMemoryBus(),
  );
}

/**
 * Use this bus instead of making one: a thread that only announces (the check runner's) hands its
 * messages to the app's thread, whose bus the open pages listen to.
 */
export function useLiveBus(bus: LiveBus): void {
  replaceProcessWide("liveBus", bus);
}

/** Who has which article open; started by the first open page (only app servers have those). */
export function livePresence(): Presence {
  return processWide("livePresence", () => createPresence(liveBus()));
}

/** What this process heard lately, for pages that open their stream after a change (see RecentChanges). */
export function liveRecentChanges(): RecentChanges {
  return processWide("liveRecentChanges", () => createRecentChanges(liveBus()));
}
