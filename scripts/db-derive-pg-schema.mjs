#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from prisma/schema.prisma, the one schema people edit.
// A generated client is tied to its provider, so PostgreSQL needs its own schema and client:
// only the datasource provider/url and the client's output folder differ (decision 019).
//   node scripts/db-derive-pg-schema.mjs           write it
//   node scripts/db-derive-pg-schema.mjs --check   exit 1 if it is out of date (tests, CI)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = path.join(root, "prisma", "schema.prisma");
export const TARGET = path.join(root, "prisma", "postgres", "schema.prisma");

export function derivePgSchema(source) {
  let out = source;
  const swap = (re, to, what) => {
    if (!re.test(out)) throw new Error(`derive-pg-schema: ${what} not found in prisma/schema.prisma`);
    out = out.replace(re, to);
  };
  swap(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider "sqlite"');
  // the adapter connects at run time; a literal url keeps `prisma generate` offline (postgres-notes §4)
  swap(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)[^\n]+/, '$1"postgresql://copydesk@localhost:5432/copydesk"', "datasource url");
  swap(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/generated\/prisma"/, '$1"../../generated/prisma-pg"', 'client output "../generated/prisma"');
  return `// GENERATED from prisma/schema.prisma by scripts/db-derive-pg-schema.mjs. Do not edit.\n${out}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const want = derivePgSchema(readFileSync(SOURCE, "utf8"));
  const have = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (want !== have) {
      console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:pg-migration`");
      process.exit(1);
    }
  } else if (want !== have) {
    writeFileSync(TARGET, want);
    console.log("wrote prisma/postgres/schema.prisma");
  }
}
