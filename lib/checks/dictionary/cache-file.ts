import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WordTable } from "./word-table";

/**
 * Where the checks keep what they derive from installed packages (expanded dictionaries, the frequency
 * table, the suggestion index): node_modules/.cache/copydesk, never committed, rebuilt when a name
 * (which carries the packages' versions) changes (decision 028).
 */
export function cacheFile(name: string): string {
  return path.join(process.cwd(), "node_modules", ".cache", "copydesk", name);
}

/**
 * Write a cache file whole or not at all: written beside it, then renamed (atomic), so a process starting
 * meanwhile reads the old state or the whole file, never half of it. Best effort: on a read-only install
 * the caller just builds its table again next time.
 */
export function writeCacheFile(file: string, bytes: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch {
    // read-only install: built again by the next process
  }
}

/** The table kept in `file`, or `build()`'s, written there for the next process. */
export function cachedTable(file: string, build: () => WordTable): WordTable {
  let table: WordTable | null = null;
  try {
    table = WordTable.fromBuffer(readFileSync(file));
  } catch {
    // not written yet
  }
  if (table) return table;
  table = build();
  writeCacheFile(file, table.toBuffer());
  return table;
}
