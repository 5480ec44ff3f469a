// The cluster the cross-server browser tests run against (playwright.cluster.config.ts): a fresh
// PostgreSQL database of its own (CLUSTER_E2E_DB, on 127.0.0.1:5432, trust auth, user postgres),
// `npm run cluster` on it, and the database dropped again when the cluster stops (Playwright ends
// its web server with SIGTERM). Names are cluster_* so nothing else on the server is touched.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createFreshDatabase } from "./db-migrate.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.env.CLUSTER_E2E_DB ?? "";
if (!/^cluster_[a-z0-9_]+$/.test(name)) {
  console.error("cluster-e2e: set CLUSTER_E2E_DB=cluster_<something> (lower case, digits, _)");
  process.exit(2);
}
const server = process.env.CLUSTER_E2E_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
const url = `${server}/${name}`;

async function drop() {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    // FORCE: a server killed without closing its pool must not keep the database alive
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

await drop(); // a run that was killed outright may have left it behind
await createFreshDatabase(url);
const cluster = spawn(process.execPath, [path.join(root, "scripts", "cluster.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cluster.kill(signal));
cluster.on("exit", async (code, signal) => {
  await drop().catch((e) => console.error(`cluster-e2e: could not drop ${name}: ${e.message}`));
  process.exit(code ?? (signal ? 1 : 0));
});
