import pLimit from "p-limit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import { wakeCheckWorkers } from "@/lib/jobs/wake";
import { publishChange } from "@/lib/live/publish";
import { asForeground } from "@/lib/threads/foreground";
import { entryPath, SerialThread, ThreadBudgetExceeded, ThreadBusy } from "@/lib/threads/serial-thread";
import { db as appDb, isPostgresUrl, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";
import { ingestArticle, type SourceKind } from "./ingest-article";
import type { IngestThreadInput, IngestThreadOutput, RawSource } from "./ingest-thread/protocol";

export type { RawSource } from "./ingest-thread/protocol";

/**
 * Reading an HTML page is bounded in size and depth (lib/ingest/limits.ts); this budget is the last
 * guard, for a shape nobody thought of: a stuck parse ends the thread, never the server.
 */
const INGEST_BUDGET_MS = 60_000;

/** Uploads (or previews) waiting beyond this, for their turn or the thread, are refused (409) rather than held in memory. */
const MAX_WAITING_UPLOADS = 20;

// one per process: instrumentation warms it up, the routes and actions (other module graphs) use it
const thread = processWide("ingestThread", () => new SerialThread<IngestThreadInput, IngestThreadOutput>(entryPath("lib", "articles", "ingest-thread", "entry.mjs"), "ingest", MAX_WAITING_UPLOADS));

/** Start the ingest thread with the server rather than on the first upload; resolves once it is ready. */
export function warmUpIngestThread(): Promise<void> {
  return thread.warmUp();
}

async function run(input: IngestThreadInput): Promise<IngestThreadOutput> {
  try {
    return await thread.run(input, { budgetMs: INGEST_BUDGET_MS });
  } catch (e) {
    if (e instanceof ThreadBudgetExceeded) throw new AppError("bad_input", "Reading this article took too long; nothing was stored. Try a smaller or simpler page.");
    if (e instanceof ThreadBusy) throw tooManyUploads();
    throw e;
  }
}

/** 409: the ingest thread's queue or the uploads' turn is full. */
const tooManyUploads = () => new AppError("conflict", "Too many articles are being read right now; nothing was stored. Try again in a minute.");

const oneUpload = processWide("uploadTurns", () => pLimit(1));

/**
 * One upload at a time per server, from parsing to storing (its bytes are read before, so a slow
 * client holds no one up). The ingest thread parses one at a time anyway, so this costs no
 * throughput; but five 2 MB uploads arriving together no longer store and answer on the page thread
 * all at once: their main-thread work (~30–50 ms each) spreads out between the parses (issue 8).
 */
export function oneUploadAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (oneUpload.pendingCount >= MAX_WAITING_UPLOADS) return Promise.reject(tooManyUploads());
  // someone waits for each upload: this server's check jobs start once the uploads are stored
  return asForeground(() => oneUpload(work));
}

/** Parse what arrived (the preview), off the thread that serves pages. */
export async function parseOffThread(source: RawSource): Promise<ParsedArticle> {
  const out = await run({ op: "parse", source });
  if (out.op !== "parse") throw new Error("ingest thread answered the wrong request");
  return out.parsed;
}

/**
 * A REST API ingest body, read off the thread that serves pages: the URL it names (to be fetched by
 * the caller, with the address checks), or the article parsed from its text (lib/ingest/ingest-body.ts).
 */
export async function parseBodyOffThread(bytes: Uint8Array): Promise<{ url: string } | { parsed: ParsedArticle }> {
  const out = await run({ op: "parse-body", bytes });
  if (out.op !== "parse-body") throw new Error("ingest thread answered the wrong request");
  return "url" in out ? { url: out.url } : { parsed: out.parsed };
}

export interface IngestOffThreadOptions {
  actor: Actor;
  /** the client for SQLite's in-process store (tests pass their own); the thread opens DATABASE_URL */
  db?: Db;
  /** raw text to parse first, or an article as the editor previewed (and perhaps relabelled) it */
  source: RawSource | ParsedArticle;
  sourceKind: SourceKind;
  sourceName: string | null;
}

/**
 * Ingest off the thread that serves pages: parse (when given raw text) and store Revision 1 with its
 * check job in the ingest thread, then announce it here, where open pages listen, and wake this
 * server's check runner. The same use case as ingestArticle, for the app's upload paths.
 */
export async function ingestOffThread({ actor, source, sourceKind, sourceName, db = appDb }: IngestOffThreadOptions) {
  assertCan(actor, "article:ingest");
  if (isPostgresUrl(env.DATABASE_URL) === false) {
    // SQLite takes one writer at a time: a second connection writing from the thread made the app's own
    // writes wait on the file lock (and time out), so on SQLite only the parsing moves (decision 027)
    const parsed = "blocks" in source ? source : await parseOffThread(source);
    const article = await ingestArticle({ db, actor, parsed, sourceKind, sourceName });
    return { parsed, article };
  }
  const out = await run({ op: "store", actor, source, sourceKind, sourceName });
  if (out.op !== "store") throw new Error("ingest thread answered the wrong request");
  publishChange(out.article.id, "article", actor.id);
  wakeCheckWorkers();
  return out;
}
