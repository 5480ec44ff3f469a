import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/update-annotation";
import { appliedChanges } from "@/lib/annotations/applied-marks";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { approveChanges } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { createTestDb, makeActor } from "./test-db";

const TEXT = "Bridge reopens in March\n\nCrews finished thereplacement of two cables on Monday. The mayor said the the bridge is safe.";
const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

async function mark(articleId: string, exact: string, replacement: string | null) {
  const view = await getArticle({ db, actor: editor, id: articleId });
  const start = view.revision.text.indexOf(exact);
  return createAnnotation({
    db, actor: editor,
    input: { articleId, revisionId: view.revision.id, start, end: start + exact.length, category: "style", replacement, note: null, speaker: null },
  });
}

describe("stable annotation numbers", () => {
  it("are given in order, survive applying changes, and are never reused after a delete", async () => {
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    const one = await mark(a.id, "thereplacement", "the replacement");
    const two = await mark(a.id, "Monday", null);
    const three = await mark(a.id, "cables", "wires");
    expect([one.number, two.number, three.number]).toEqual([1, 2, 3]);

    await deleteAnnotation({ db, actor: editor, input: { id: three.id, version: three.version } });
    const four = await mark(a.id, "mayor", "Mayor");
    expect(four.number).toBe(4); // 3 belonged to the deleted mark and stays unused

    // suggestions from the checks continue the count
    const checked = await recheckArticle({ db, actor: editor, articleId: a.id });
    expect(checked.added).toBeGreaterThan(0);
    const numbers = (await getArticle({ db, actor: editor, id: a.id })).annotations.map((x) => x.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Math.min(...numbers.filter((n) => n > 4))).toBe(5);

    // applying a change moves the others onto revision 2: same rows, same numbers
    await submitForReview({ db, actor: editor, articleId: a.id });
    await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: one.id, version: one.version }] });
    const after = await getArticle({ db, actor: editor, id: a.id });
    expect(after.revision.number).toBe(2);
    expect(after.annotations.find((x) => x.id === two.id)!.number).toBe(2);
    expect(after.annotations.find((x) => x.id === four.id)!.number).toBe(4);

    // the applied change is drawn on the new text, over its replacement, with its number
    const done = await appliedChanges({ db, actor: editor, articleId: a.id });
    expect(done.marks.map((m) => [m.number, after.revision.text.slice(m.start, m.end)])).toEqual([[1, "the replacement"]]);
    expect(done.diff!.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["thereplacement"]);
  });
});

describe("the migration", () => {
  it("numbers existing marks per article in creation order and sets each article's counter", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "copydesk-numbers-"));
    const raw = new Database(path.join(dir, "m.db"));
    const root = path.join(__dirname, "..", "prisma", "migrations");
    const all = readdirSync(root).filter((d) => /^\d/.test(d)).sort();
    const mine = all.findIndex((d) => d.endsWith("_stable_annotation_numbers"));
    const run = (d: string) => raw.exec(readFileSync(path.join(root, d, "migration.sql"), "utf8"));
    all.slice(0, mine).forEach(run);
    raw.exec(`INSERT INTO "user" (id, name, email, role, updatedAt) VALUES ('u', 'U', 'u@x', 'editor', 0)`);
    for (const art of ["A", "B"]) {
      raw.exec(`INSERT INTO "Article" (id, title, titleSearch, sourceKind, createdById, updatedAt) VALUES ('${art}', 't', 't', 'paste', 'u', 0)`);
      raw.exec(`INSERT INTO "Revision" (id, articleId, number, text, reason, createdById) VALUES ('r${art}', '${art}', 1, 'abc', 'ingest', 'u')`);
    }
    const add = (id: string, art: string, at: string) =>
      raw.exec(`INSERT INTO "Annotation" (id, articleId, revisionId, start, "end", exact, prefix, suffix, category, authorId, createdAt, updatedAt)
                VALUES ('${id}', '${art}', 'r${art}', 0, 1, 'a', '', '', 'typo', 'u', '${at}', 0)`);
    add("z", "A", "2026-01-01T10:00:00Z");
    add("y", "A", "2026-01-01T09:00:00Z");
    add("x", "B", "2026-01-01T11:00:00Z");
    all.slice(mine).forEach(run);
    const rows = raw.prepare(`SELECT id, number FROM "Annotation" ORDER BY id`).all();
    const counters = raw.prepare(`SELECT id, lastAnnotationNumber AS n FROM "Article" ORDER BY id`).all();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
    expect(rows).toEqual([{ id: "x", number: 1 }, { id: "y", number: 1 }, { id: "z", number: 2 }]);
    expect(counters).toEqual([{ id: "A", n: 2 }, { id: "B", n: 1 }]);
  });
});
