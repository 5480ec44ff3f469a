import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI does not read .env when a config file exists, but Next does: read it here, or the CLI
// could migrate SQLite while the app talks to PostgreSQL.
try {
  process.loadEnvFile();
} catch {
  // no .env: the defaults below are the SQLite quick start
}

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

// Prisma 6.19 with the WebAssembly schema engine ("js"), driven through the same adapter the app
// uses: no engine download at generate/migrate time. PostgreSQL migrations are applied by
// scripts/db-migrate.ts, not by this CLI (the stock pg adapter cannot describe a live database in
// 6.19: decision 019); on PostgreSQL the CLI is used for `generate` and schema-to-schema diffs.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
