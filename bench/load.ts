/**
 * npm run bench:load — requests per second and latency on loopback (autocannon), for one, two and four
 * app servers on PostgreSQL behind `npm run cluster`'s balancer, and one server on SQLite (a benchmark,
 * not a test). Each database gets the same newsroom first: ~380 articles built from our samples (one of
 * ~3,000 words; the others 300–1,200).
 *
 * The long article and the newest 100 (the list's first two pages) carry their check suggestions.
 *
 * Per setup, each for LOAD_SECONDS (default 8) with LOAD_CONNECTIONS (default 10) connections, after a
 * short warm-up: the article list (signed in, first page), the 3,000-word article page, the W3C
 * annotations endpoint (bearer token) of that article, and a mixed write load: annotations created
 * through the REST API (editor token) while a reviewer token approves pending changes (each applies
 * into a new revision and orders a check job). After each write run every 2xx write is looked up in
 * the database: it must be there exactly once. Besides requests/s and latency, which depend on whatever
 * else the machine runs, each row gives the CPU time the balancer and servers spent per request (from
 * /proc), a cost that does not, and what two cores could serve at that cost.
 *
 * LOAD_WRITES=0 measures the reads only (no approvals, so no check jobs to wait for between setups);
 * LOAD_SETUPS picks setups (pg1, pg2, pg4, sqlite; none: only the peer below).
 *
 * The knee: for the setups with 1 or 2 servers (LOAD_SWEEP_SERVERS, default 1,2), the article list
 * again at each of LOAD_SWEEP connections (default 1,2,4,8,16; LOAD_SWEEP=0 skips it), each for
 * LOAD_SWEEP_SECONDS (default 4). The knee is the lowest concurrency after which one more step of load
 * adds less than 10 % requests/s; the table gives its p99, the issue's "under 200 ms at the knee".
 *
 * The peer (LOAD_BASELINE=0 skips it): the list of the code as issue 11 found it (bench/list-baseline.ts)
 * against today's, one server each on a copy of the same SQLite database, in turns, LOAD_BASELINE_ROUNDS
 * (default 3) runs each. The issue's "ten times faster" is judged on that same-run ratio, not on the
 * issue's own figure from another machine and day. The first run builds the baseline in
 * ~/.cache/copydesk-bench/baseline-afad4dc (npm ci from npm's cache and a build: a few minutes);
 * later runs reuse it. A peer that cannot run (no git history, no npm cache) is reported and skipped.
 * Beside them, in the same turns, the framework's own floor (bench/bare-next.ts): a bare Next.js app of
 * this project's versions with one dynamic page, served by `next start`.
 *
 * Databases: bench/out/load.db (SQLite) and cluster_bench_load on 127.0.0.1:5432 (dropped at the end).
 * Ports 3233 (balancer), 3234–3237 (servers), 3238 (SQLite server), 3239–3240 (the peer's two servers),
 * 3241 (the bare Next.js app).
 * Build: .next-bench-load. LOAD_NAME=x uses bench/out/x.db and cluster_bench_x instead, LOAD_PORT=p
 * the ports p…p+8: a second run beside another one.
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { benchSetting, removeSqliteFile, signInCookie } from "./server";
import { between, longArticle, prng } from "./long-article";
import { BASELINE_COMMIT, BASELINE_DIR, prepareBaseline, startBaseline } from "./list-baseline";
import { bareNextDir, frameworkVersions, prepareBareNext, startBareNext } from "./bare-next";
import { table } from "./table";

const NAME = process.env.LOAD_NAME ?? "load";
const LB_PORT = Number(process.env.LOAD_PORT ?? 3233);
const SQLITE_PORT = LB_PORT + 5;
const { ROOT, OUT, DB_FILE, env: sqliteEnv } = benchSetting(NAME, SQLITE_PORT);
const DIST = process.env.NEXT_DIST_DIR ?? ".next-bench-load";
const PG_SERVER = process.env.BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
const PG_NAME = `cluster_bench_${NAME.replace(/\W/g, "_")}`;
const PG_URL = `${PG_SERVER}/${PG_NAME}`;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
/** LOAD_WRITES=0: the reads only (a quicker run: no approvals, so no check jobs to wait for) */
const WRITES = process.env.LOAD_WRITES !== "0";
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
/** connections per step of the list's concurrency sweep; empty or 0: no sweep */
const SWEEP = (process.env.LOAD_SWEEP ?? "1,2,4,8,16").split(",").map(Number).filter((n) => n > 0);
const SWEEP_SECONDS = Number(process.env.LOAD_SWEEP_SECONDS ?? 4);
const SWEEP_SERVERS = (process.env.LOAD_SWEEP_SERVERS ?? "1,2").split(",").map(Number);
const ARTICLES = Number(process.env.LOAD_ARTICLES ?? 380);
/** LOAD_BASELINE=0: no same-run comparison with the list as issue 11 found it */
const BASELINE = process.env.LOAD_BASELINE !== "0";
const BASELINE_ROUNDS = Number(process.env.LOAD_BASELINE_ROUNDS ?? 3);
const POOL_SETUPS = 4;
const CHECKED = 100;
/** articles in review with one pending change each, per setup (approvals use one each); the rest take new annotations */
const POOL = Math.min(80, Math.floor((ARTICLES - 1) / (POOL_SETUPS + 1)));
const SECRET = "bench-load-secret-bench-load-secret-0123456";
const PASSWORD = "bench-pass";

type Db = import("@/lib/db").Db;
type Setup = { key: string; name: string; database: "postgres" | "sqlite"; servers: number };
/** LOAD_SETUPS=pg1,sqlite (say) runs only those setups; LOAD_SETUPS=none only the peer */
const ONLY = process.env.LOAD_SETUPS?.split(",");
const SETUPS: Setup[] = (
  [
    { key: "pg1", name: "PostgreSQL, 1 server", database: "postgres", servers: 1 },
    { key: "pg2", name: "PostgreSQL, 2 servers", database: "postgres", servers: 2 },
    { key: "pg4", name: "PostgreSQL, 4 servers", database: "postgres", servers: 4 },
    { key: "sqlite", name: "SQLite, 1 server", database: "sqlite", servers: 1 },
  ] satisfies Setup[]
).filter((s) => !ONLY || ONLY.includes(s.key));

interface Newsroom {
  longArticleId: string;
  editorToken: string;
  reviewerToken: string;
  /** articles open for annotation, each with a quote that occurs once in its text */
  targets: { id: string; exact: string }[];
  /** per setup: pending changes to approve */
  pools: { articleId: string; id: string; version: number }[][];
}

// ---------------------------------------------------------------- the newsroom on one database

let generated: string[] | null = null;
/** The same articles for every database: the first ~3,000 words, the others 300–1,200 (seeded). */
function articleTexts(): string[] {
  const random = prng(380);
  generated ??= Array.from({ length: ARTICLES }, (_, i) =>
    longArticle(1_000 + i, i === 0 ? 3_000 : between(random, 300, 1_200)).replace(/^[^\n]*/, i === 0 ? "The long article: a city in review" : `Load bench story ${i}: bridges, budgets and fires`),
  );
  return generated;
}

async function seed(db: Db): Promise<Newsroom> {
  const { createUser } = await import("@/lib/auth/create-user");
  const { ingestArticle } = await import("@/lib/articles/ingest-article");
  const { recheckArticle } = await import("@/lib/suggestions/recheck-article");
  const { parseText } = await import("@/lib/ingest/parse-text");
  const { createApiToken } = await import("@/lib/api-tokens/api-tokens");
  const { createAnnotation } = await import("@/lib/annotations/create-annotation");
  const { submitForReview } = await import("@/lib/review/submit-for-review");
  const person = async (name: string, role: "editor" | "reviewer" | "admin") => {
    const u = await createUser({ db, name, email: `${role}@load.test`, password: PASSWORD, role });
    return { id: u.id, name: u.name, email: u.email, role };
  };
  const [editor, reviewer, admin] = [await person("Load Editor", "editor"), await person("Load Reviewer", "reviewer"), await person("Load Admin", "admin")];
  const editorToken = (await createApiToken({ db, actor: admin, userId: editor.id, name: "bench editor" })).token;
  const reviewerToken = (await createApiToken({ db, actor: admin, userId: reviewer.id, name: "bench reviewer" })).token;

  const ids: string[] = [];
  for (const raw of articleTexts()) ids.push((await ingestArticle({ db, actor: editor, parsed: parseText(raw), sourceKind: "paste", checks: "none" })).id);
  // the checks as the app's runner makes them, here in this process, so no server starts with a queue:
  // on the long article and on the newest 100 (the list's first two pages), the ones the reads show;
  // all 380 would take minutes more. A few at once, so one's writes overlap the next one's checking.
  const queue = [ids[0], ...ids.slice(-CHECKED)];
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await recheckArticle({ db, actor: editor, articleId: id });
  }));
  const texts = new Map(
    (await db.revision.findMany({ where: { articleId: { in: ids }, number: 1 }, select: { id: true, articleId: true, text: true } })).map((r) => [r.articleId, r]),
  );
  /** a stretch of 40 characters from the body that occurs once: a W3C quote that anchors */
  const uniqueQuote = (text: string) => {
    for (let at = Math.floor(text.length / 3); at < text.length - 40; at += 97) {
      const exact = text.slice(at, at + 40);
      if (!/\n/.test(exact) && text.indexOf(exact) === at && text.indexOf(exact, at + 1) < 0) return { at, exact };
    }
    throw new Error("no unique quote");
  };
  const pools: Newsroom["pools"] = [];
  let next = 1;
  for (let s = 0; s < POOL_SETUPS; s++) {
    const pool: Newsroom["pools"][number] = [];
    for (let k = 0; k < POOL && next < ids.length; k++, next++) {
      const articleId = ids[next];
      const revision = texts.get(articleId)!;
      const { at, exact } = uniqueQuote(revision.text);
      const word = exact.indexOf(" ") + 1; // the first whole word of the quote
      const end = exact.indexOf(" ", word);
      const change = await createAnnotation({
        db, actor: editor,
        input: { articleId, revisionId: revision.id, start: at + word, end: at + end, category: "style", replacement: "reworded", note: null, speaker: null },
      });
      await submitForReview({ db, actor: editor, articleId });
      const { version } = await db.annotation.findUniqueOrThrow({ where: { id: change.id }, select: { version: true } });
      pool.push({ articleId, id: change.id, version });
    }
    pools.push(pool);
  }
  const targets = ids.slice(next).map((id) => ({ id, exact: uniqueQuote(texts.get(id)!.text).exact }));
  return { longArticleId: ids[0], editorToken, reviewerToken, targets, pools };
}

// ---------------------------------------------------------------- servers

function startCluster(servers: number): ChildProcess {
  return spawn(process.execPath, ["scripts/cluster.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: PG_URL,
      PORT: String(LB_PORT),
      CLUSTER_SERVERS: String(servers),
      NEXT_DIST_DIR: DIST,
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: `http://localhost:${LB_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", serverLog(), serverLog()],
  });
}

/** the servers' own output (a client cut off at the end of a run is logged as ECONNRESET there) */
let logFd: number | null = null;
const serverLog = () => (logFd ??= openSync(path.join(OUT, `${NAME}-servers.log`), "w"));

function startSqliteServer(file = DB_FILE, port = SQLITE_PORT): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    env: { ...sqliteEnv, DATABASE_URL: `file:${file}`, PORT: String(port), NEXT_DIST_DIR: DIST, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: `http://localhost:${port}` },
    stdio: ["ignore", serverLog(), serverLog()],
  });
}

/** Until the server answers (a cluster's first start builds: minutes), or its process has ended. */
async function whenUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1_200; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server process ended before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 10 minutes`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

// ---------------------------------------------------------------- measuring

/** busy and total jiffies of every CPU together, from /proc/stat */
function cpuTimes(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + n[4];
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * CPU time (ms) used so far by a process and all its descendants (the cluster: balancer + servers,
 * their checking threads included), from /proc. Unlike latency, this does not depend on what else
 * the machine is doing, so it says what a request costs and how many 2 cores could serve.
 */
function treeCpuMs(rootPid: number): number {
  const tick = 1000 / 100; // USER_HZ: 100 on Linux
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // after "pid (comm) "
      stats.set(Number(entry), { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const queue = [rootPid];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += stats.get(pid)?.ms ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total;
}

const SWEEP_HEADER = ["setup", "connections", "req/s", "p50 ms", "p99 ms", "errors", "machine CPU", "server CPU ms/req", ""];
const HEADER = ["setup", "scenario", "req/s", "p50 ms", "p99 ms", "errors", "machine CPU", "server CPU ms/req", "2 cores' worth, req/s", "writes in the database"];

/** errors: every answer that was not 2xx, and requests with no answer (failures: those alone) */
type Run = { rps: number; p50: number; p99: number; ok: number; errors: number; failures: number; cpu: number; serverMsPerRequest: number };

/** the processes serving the setup being measured */
let serverPid = 0;

async function cannon(options: autocannon.Options): Promise<Run> {
  const before = cpuTimes();
  const serverBefore = treeCpuMs(serverPid);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const serverMs = treeCpuMs(serverPid) - serverBefore;
  const after = cpuTimes();
  const answered = result["2xx"] + result.non2xx;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.non2xx + result.errors + result.timeouts,
    failures: result.errors + result.timeouts,
    cpu: (after.busy - before.busy) / (after.total - before.total),
    serverMsPerRequest: answered ? serverMs / answered : NaN,
  };
}

async function reads(base: string, cookie: string, room: Newsroom) {
  const pages = [
    { scenario: "article list (first page)", path: "/", headers: { cookie } },
    { scenario: "3,000-word article page", path: `/articles/${room.longArticleId}`, headers: { cookie } },
    { scenario: "W3C annotations (GET, token)", path: `/api/articles/${room.longArticleId}/annotations`, headers: { authorization: `Bearer ${room.editorToken}` } },
  ];
  const rows: { scenario: string; run: Run }[] = [];
  for (const p of pages) {
    // every server loads the route's code and fills its caches before the measured run
    await cannon({ url: base + p.path, headers: p.headers, duration: 2 });
    rows.push({ scenario: p.scenario, run: await cannon({ url: base + p.path, headers: p.headers }) });
  }
  return rows;
}

/**
 * The article list at rising concurrency (the list is warm: reads() ran it just before). Returns a
 * run per step and the knee: the lowest step after which the next adds less than 10 % requests/s (the
 * last step when requests/s still rose: the knee lies beyond the sweep).
 */
async function sweep(base: string, cookie: string): Promise<{ steps: { connections: number; run: Run }[]; knee: number | null }> {
  const steps: { connections: number; run: Run }[] = [];
  for (const connections of SWEEP) steps.push({ connections, run: await cannon({ url: `${base}/`, headers: { cookie }, connections, duration: SWEEP_SECONDS }) });
  let knee: number | null = null;
  for (let i = 0; i < steps.length && knee === null; i++) {
    const next = steps[i + 1];
    if (!next || next.run.rps < steps[i].run.rps * 1.1) knee = steps[i].connections;
  }
  return { steps, knee };
}

async function writes(base: string, db: Db, room: Newsroom, pool: Newsroom["pools"][number], label: string) {
  const tag = `load-${label}-${Date.now()}`;
  let n = 0;
  const createdIds: string[] = [];
  const annotate = (note: string) => {
    const target = room.targets[n % room.targets.length];
    return {
      path: `/api/articles/${target.id}/annotations`,
      body: JSON.stringify({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        id: `urn:bench:${note}`,
        type: "Annotation",
        body: [{ type: "TextualBody", value: note, purpose: "commenting" }],
        target: { source: "urn:bench", selector: { type: "TextQuoteSelector", exact: target.exact } },
      }),
    };
  };
  const editorHeaders = { authorization: `Bearer ${room.editorToken}`, "content-type": "application/json" };
  const reviewerHeaders = { authorization: `Bearer ${room.reviewerToken}`, "content-type": "application/json" };
  // warm-up: each server loads the import and approve routes once (two of the pool's changes)
  for (let i = 0; i < 4; i++) {
    const res = await fetch(base + annotate(`${tag}-warm-${i}`).path, { method: "POST", headers: editorHeaders, body: annotate(`${tag}-warm-${i}`).body });
    await res.arrayBuffer();
  }
  const warm = pool.splice(0, 2);
  for (const c of warm) {
    const res = await fetch(`${base}/api/review/approve`, { method: "POST", headers: reviewerHeaders, body: JSON.stringify({ articleId: c.articleId, decisions: [{ id: c.id, version: c.version }] }) });
    await res.arrayBuffer();
  }

  const approved: string[] = [];
  let turn = 0;
  const [annotations, approvals] = await Promise.all([
    cannon({
      url: base,
      connections: Math.max(1, CONNECTIONS - 2),
      requests: [
        {
          method: "POST",
          headers: editorHeaders,
          setupRequest: (req) => {
            const note = `${tag}-${n++}`;
            return { ...req, ...annotate(note) };
          },
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) {
              const report = JSON.parse(body) as { imported: { id: string }[] };
              for (const i of report.imported) createdIds.push(i.id);
            }
          },
        },
      ],
    }),
    // two reviewers' worth of approving at once; each approval applies into a new revision
    cannon({
      url: base,
      connections: 2,
      amount: pool.length,
      requests: [
        {
          method: "POST",
          path: "/api/review/approve",
          headers: reviewerHeaders,
          setupRequest: (req) => {
            const c = pool[turn++ % pool.length];
            return { ...req, body: JSON.stringify({ articleId: c.articleId, decisions: [{ id: c.id, version: c.version }] }) };
          },
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) approved.push(body);
          },
        },
      ],
    }),
  ]);

  // every 2xx write in the database exactly once
  const stored = await db.annotation.findMany({ where: { note: { startsWith: `${tag}-` } }, select: { id: true, note: true } });
  const storedIds = new Set(stored.map((s) => s.id));
  const perNote = new Map<string, number>();
  for (const s of stored) perNote.set(s.note!, (perNote.get(s.note!) ?? 0) + 1);
  const lostCreates = createdIds.filter((id) => !storedIds.has(id)).length;
  const doubledCreates = [...perNote.values()].filter((c) => c > 1).length + (createdIds.length - new Set(createdIds).size);
  const unanswered = stored.filter((s) => !s.note!.includes("-warm-")).length - createdIds.length; // cut off by the end of the run

  const poolIds = pool.map((c) => c.id);
  const appliedRows = await db.annotation.findMany({ where: { id: { in: poolIds }, appliedRevisionId: { not: null } }, select: { id: true, articleId: true } });
  const revisions = await db.revision.groupBy({ by: ["articleId"], where: { articleId: { in: pool.map((c) => c.articleId) }, number: { gt: 1 } }, _count: { _all: true } });
  const doubledApprovals = revisions.filter((r) => r._count._all > 1).length;
  const lostApprovals = Math.max(0, approved.length - appliedRows.length);
  return [
    {
      scenario: "write: W3C annotation POST (token)",
      run: annotations,
      check: `${createdIds.length} × 2xx: ${lostCreates} lost, ${doubledCreates} doubled${unanswered > 0 ? ` (+${unanswered} stored, answer cut by the end)` : ""}`,
    },
    {
      scenario: "write: approve change (token)",
      run: approvals,
      check: `${approved.length} × 2xx: ${lostApprovals} lost, ${doubledApprovals} doubled (${appliedRows.length} applied, ${revisions.length} new revisions)`,
    },
  ];
}

/**
 * Applied changes order check jobs; the servers must finish them before the next setup's reads, or
 * those reads pay for them (seen: a list at 1.7 s of CPU per request with the last setup's jobs still
 * running). Waits up to 10 minutes and says how long it took.
 */
async function drainCheckJobs(db: Db) {
  const t0 = Date.now();
  for (let i = 0; i < 1_200; i++) {
    const left = await db.checkJob.count({ where: { status: { in: ["queued", "running"] } } });
    if (left === 0) {
      console.error(`bench:load — check jobs from the approvals done after ${Math.round((Date.now() - t0) / 1000)} s`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error("bench:load — check jobs still running after 10 minutes: the next setup's figures include them");
}

// ---------------------------------------------------------------- the peer: the list before issue 11

const BASELINE_TABLE_HEADER = ["code", "round", "articles on the page", "req/s", "p50 ms", "p99 ms", "errors", "machine CPU", "server CPU ms/req"];

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Builds DIST from today's sources unless it is current (the setups' cluster does that too, but a run of the peer alone has no cluster). */
async function ensureCurrentBuild() {
  const { buildIsCurrent, sourceHash, writeStamp } = (await import(path.join(ROOT, "scripts", "build-stamp.mjs"))) as {
    buildIsCurrent(root: string, hash: string, env: NodeJS.ProcessEnv): boolean;
    sourceHash(root: string, env: NodeJS.ProcessEnv): string;
    writeStamp(root: string, hash: string, env: NodeJS.ProcessEnv): void;
  };
  const env = { ...sqliteEnv, NEXT_DIST_DIR: DIST };
  const hash = sourceHash(ROOT, env);
  if (buildIsCurrent(ROOT, hash, env)) return;
  console.error(`bench:load — building ${DIST} from today's sources…`);
  execSync("npx next build", { cwd: ROOT, env, stdio: "ignore" });
  writeStamp(ROOT, hash, env);
}

/**
 * The first page of the list on the code as issue 11 found it and on today's, each on its own
 * server and its own copy of the SQLite database as the setups left it, measured in turns (a machine
 * that slows down for a while hurts both alike; the order alternates from round to round), with
 * today's floor beside them. Returns the table's rows and the ratio line.
 */
async function listAgainstBaseline(sqlite: Db): Promise<{ rows: (string | number)[][]; verdict: string } | null> {
  const files = { baseline: path.join(OUT, `${NAME}-peer-baseline.db`), today: path.join(OUT, `${NAME}-peer-today.db`) };
  for (const file of Object.values(files)) {
    removeSqliteFile(file);
    await sqlite.$executeRawUnsafe(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  }
  const baselineEnv = { ...sqliteEnv, DATABASE_URL: `file:${files.baseline}`, BETTER_AUTH_SECRET: SECRET };
  console.error(`bench:load — the list before issue 11 (${BASELINE_COMMIT.slice(0, 7)}): its build in ${BASELINE_DIR} (made once)…`);
  if (!prepareBaseline(ROOT, baselineEnv)) {
    console.error(`bench:load — this checkout has no commit ${BASELINE_COMMIT.slice(0, 7)} (no git history): the peer is skipped`);
    return null;
  }
  await ensureCurrentBuild();
  // the framework's own floor; a bare app that cannot be built is reported, and the rest measured
  let bareDir: string | null = null;
  try {
    console.error(`bench:load — a bare Next.js app, the framework's floor: its build in ${bareNextDir(ROOT)} (made once)…`);
    bareDir = prepareBareNext(ROOT, sqliteEnv);
  } catch (e) {
    console.error(`bench:load — the bare Next.js app could not be built and is skipped: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
  }
  const bare = bareDir ? { port: LB_PORT + 8, child: startBareNext(bareDir, sqliteEnv, LB_PORT + 8, serverLog()) } : null;
  const servers = [
    { code: `before issue 11 (${BASELINE_COMMIT.slice(0, 7)})`, port: LB_PORT + 6, child: startBaseline(baselineEnv, LB_PORT + 6, serverLog()) },
    { code: "today", port: LB_PORT + 7, child: startSqliteServer(files.today, LB_PORT + 7) },
  ];
  try {
    const ready = await Promise.all(
      servers.map(async (s) => {
        const base = `http://localhost:${s.port}`;
        await whenUp(`${base}/signin`, s.child);
        const cookie = await signInCookie(base, "editor@load.test", PASSWORD);
        const html = await (await fetch(`${base}/`, { headers: { cookie } })).text();
        const articles = (html.match(/<tr[ >]/g) ?? []).length - 1; // less the header row
        return { ...s, base, cookie, articles, runs: [] as Run[] };
      }),
    );
    // a longer warm-up than the setups' 2 s: on a slow machine the first runs still paid for compiling
    for (const s of ready) {
      serverPid = s.child.pid!;
      await cannon({ url: `${s.base}/`, headers: { cookie: s.cookie }, duration: 5 });
    }
    let bareBase = bare && `http://localhost:${bare.port}`;
    if (bare && bareBase) {
      try {
        await whenUp(`${bareBase}/`, bare.child);
        serverPid = bare.child.pid!;
        await cannon({ url: `${bareBase}/`, duration: 5 });
      } catch (e) {
        console.error(`bench:load — the bare Next.js app did not serve and is skipped: ${e instanceof Error ? e.message : e}`);
        bareBase = null;
      }
    }
    const nextVersion = frameworkVersions(ROOT).next;
    // today's floor: a signed-in page with nothing of its own (a 404: the layout and its session
    // lookup, the proxy with the CSP nonce, Next.js and React), what any page of this stack costs
    const today = ready[1];
    const floorRuns: (Run & { not404: number })[] = [];
    const bareRuns: Run[] = [];
    for (let round = 0; round < BASELINE_ROUNDS; round++) {
      for (const s of round % 2 ? [...ready].reverse() : ready) {
        serverPid = s.child.pid!;
        s.runs.push(await cannon({ url: `${s.base}/`, headers: { cookie: s.cookie } }));
      }
      serverPid = today.child.pid!;
      let not404 = 0;
      const run = await cannon({
        url: `${today.base}/no-such-page`,
        headers: { cookie: today.cookie },
        requests: [{ onResponse: (status) => void (status === 404 || not404++) }],
      });
      floorRuns.push({ ...run, not404 });
      if (bare && bareBase) {
        serverPid = bare.child.pid!;
        bareRuns.push(await cannon({ url: `${bareBase}/` }));
      }
    }
    const row = (code: string, articles: number, r: Run, round: number, errors: number | string) =>
      [code, round + 1, articles, Math.round(r.rps), Math.round(r.p50), Math.round(r.p99), errors, `${Math.round(r.cpu * 100)} %`, r.serverMsPerRequest.toFixed(1)];
    const rows = [
      ...ready.flatMap((s) => s.runs.map((r, round) => row(s.code, s.articles, r, round, r.errors))),
      // every answer there is a 404 by design: what counts as an error is any other answer, or none
      ...floorRuns.map((r, round) => row("today: a signed-in page with nothing on it", 0, r, round, `${r.not404 + r.failures} (404s expected)`)),
      ...bareRuns.map((r, round) => row(`Next.js ${nextVersion} itself: a bare app's one dynamic page (next start)`, 0, r, round, r.errors)),
    ];
    const [before, after, floor, framework] = [...ready.map((s) => s.runs), floorRuns, bareRuns].map((runs) => ({
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      cpu: median(runs.map((r) => r.serverMsPerRequest)),
    }));
    const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    const verdict =
      `Today's list against the list before issue 11, medians of ${BASELINE_ROUNDS} runs each: ${times(after.rps, before.rps)} the requests/s ` +
      `(${Math.round(before.rps)} → ${Math.round(after.rps)}), p50 ${times(before.p50, after.p50)} shorter (${Math.round(before.p50)} → ${Math.round(after.p50)} ms), ` +
      `${times(before.cpu, after.cpu)} less server CPU per request (${before.cpu.toFixed(1)} → ${after.cpu.toFixed(1)} ms). Issue 11 asks for 10×: ` +
      `about ${(before.cpu / 10).toFixed(1)} ms per request on one server; a signed-in page with nothing on it costs ${floor.cpu.toFixed(1)} ms here` +
      (bareRuns.length ? `, and a bare Next.js app's one dynamic page ${framework.cpu.toFixed(1)} ms (${Math.round(framework.rps)} req/s, ${times(framework.rps, before.rps)} the old list).` : ".");
    return { rows, verdict };
  } finally {
    await Promise.all([...servers, ...(bare ? [bare] : [])].map((s) => stopProcess(s.child)));
  }
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const { createClient } = await import("@/lib/db");
  const { createFreshDatabase } = (await import(path.join(ROOT, "scripts", "db-migrate.mjs"))) as { createFreshDatabase(url: string): Promise<void> };
  const dropPg = async () => {
    const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${PG_NAME}" WITH (FORCE)`);
    await admin.end();
  };

  console.error(`bench:load — seeding ${ARTICLES} articles on SQLite and on PostgreSQL (the long one and the newest ${CHECKED} checked)…`);
  removeSqliteFile(DB_FILE);
  execSync("npx prisma migrate deploy", { cwd: ROOT, env: sqliteEnv, stdio: "ignore" });
  const sqlite = createClient(`file:${DB_FILE}`);
  await dropPg();
  await createFreshDatabase(PG_URL);
  const postgres = createClient(PG_URL, { poolMax: 4 });
  const [sqliteRoom, pgRoom] = [await seed(sqlite), await seed(postgres)];
  console.error(`bench:load — seeded in ${Math.round((Date.now() - started) / 1000)} s`);

  // other work on the machine shows in every figure: say how busy it was
  const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const rows: (string | number)[][] = [];
  const sweepRows: (string | number)[][] = [];
  const ms = (n: number) => `${Math.round(n)}`;
  const figures = (r: Run) => [
    Math.round(r.rps), ms(r.p50), ms(r.p99), r.errors, `${Math.round(r.cpu * 100)} %`,
    r.serverMsPerRequest.toFixed(1), Math.round((2 * 1000) / r.serverMsPerRequest),
  ];
  let poolIndex = 0;
  let peer: Awaited<ReturnType<typeof listAgainstBaseline>> = null;
  let peerFailure: string | null = null;
  try {
    for (const setup of SETUPS) {
      console.error(`bench:load — ${setup.name}: starting (the first start builds ${DIST} once)…`);
      const server = setup.database === "postgres" ? startCluster(setup.servers) : startSqliteServer();
      serverPid = server.pid!;
      const base = `http://localhost:${setup.database === "postgres" ? LB_PORT : SQLITE_PORT}`;
      const db = setup.database === "postgres" ? postgres : sqlite;
      const room = setup.database === "postgres" ? pgRoom : sqliteRoom;
      try {
        await whenUp(`${base}/signin`, server);
        const cookie = await signInCookie(base, "editor@load.test", PASSWORD);
        for (const r of await reads(base, cookie, room)) rows.push([setup.name, r.scenario, ...figures(r.run), ""]);
        if (SWEEP.length > 0 && SWEEP_SERVERS.includes(setup.servers)) {
          const { steps, knee } = await sweep(base, cookie);
          for (const { connections, run } of steps) {
            const atKnee = connections === knee ? (connections === SWEEP.at(-1) ? "still rising: beyond the sweep" : `knee: p99 ${run.p99 < 200 ? "<" : "≥"} 200 ms`) : "";
            sweepRows.push([setup.name, connections, Math.round(run.rps), ms(run.p50), ms(run.p99), run.errors, `${Math.round(run.cpu * 100)} %`, run.serverMsPerRequest.toFixed(1), atKnee]);
          }
          console.error(table(SWEEP_HEADER, sweepRows.filter((r) => r[0] === setup.name)));
        }
        const pool = room.pools[setup.database === "postgres" ? poolIndex++ : 3];
        if (WRITES) {
          for (const w of await writes(base, db, room, pool, setup.name.replace(/\W+/g, "-")))
            rows.push([setup.name, w.scenario, ...figures(w.run), w.check]);
          await drainCheckJobs(db);
        }
      } finally {
        await stopProcess(server);
      }
      console.error(table(HEADER, rows.filter((r) => r[0] === setup.name)));
    }
    if (BASELINE) {
      // the setups' figures are in hand: a peer that fails must not take them down with it
      try {
        peer = await listAgainstBaseline(sqlite);
        if (peer) console.error(table(BASELINE_TABLE_HEADER, peer.rows));
      } catch (e) {
        peerFailure = e instanceof Error ? e.message.split("\n")[0] : String(e);
        console.error(`bench:load — the peer failed and is skipped: ${peerFailure}`);
      }
    }
  } finally {
    await sqlite.$disconnect();
    await postgres.$disconnect();
    await dropPg();
  }

  const report = [
    `bench:load — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average before the runs ${loadBefore}`,
    `${ARTICLES} articles; ${CONNECTIONS} connections, ${SECONDS} s per run after a 2 s warm-up; autocannon, the balancer and the servers on the same machine.`,
    "machine CPU = the whole machine's use during the run (other work included); server CPU ms/req = CPU time of the balancer and the servers (their checking threads included) per answered request;",
    "2 cores' worth = 2,000 ms / that: the rate the servers would reach with both cores to themselves and nothing else running (the load generator's share not counted).",
    "",
    table(HEADER, rows),
    ...(sweepRows.length > 0
      ? [
          "",
          `The article list (first page) at rising load: ${SWEEP.join(", ")} connections, ${SWEEP_SECONDS} s each. The knee: the lowest step after which one more adds less than 10 % requests/s.`,
          "",
          table(SWEEP_HEADER, sweepRows),
        ]
      : []),
    ...(peer
      ? [
          "",
          `The article list (first page, ${CONNECTIONS} connections, ${SECONDS} s per run) on one SQLite server: the code as issue 11 found it against today's, in turns, on copies of the same database.`,
          "",
          table(BASELINE_TABLE_HEADER, peer.rows),
          "",
          peer.verdict,
        ]
      : peerFailure
        ? ["", `The comparison with the list before issue 11 failed and is not in this report: ${peerFailure}`]
        : []),
    "",
    `The whole run took ${Math.round((Date.now() - started) / 1000)} s.`,
  ].join("\n");
  console.log(report);
  writeFileSync(path.join(OUT, `${NAME}.txt`), report + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
