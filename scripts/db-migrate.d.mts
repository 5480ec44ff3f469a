// Types for scripts/db-migrate.mjs (plain Node, so it runs without tsx at start-up and in tests).
import type pg from "pg";

export const PG_MIGRATIONS: string;
export const MIGRATION_LOCK: number;
export function isPostgresUrl(url: string | undefined): boolean;
export function withMigrationLock<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T>;
export function applyPending(client: pg.Client, options?: { log?: (line: string) => void; dir?: string }): Promise<string[]>;
export function createFreshDatabase(url: string): Promise<void>;
