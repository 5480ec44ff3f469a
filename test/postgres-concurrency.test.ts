import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { createClient } from "@/lib/db";
import { parseText } from "@/lib/ingest/parse-text";
import { approveChanges } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { createTestDb, makeActor, testDatabase } from "./test-db";

// Real parallel connections: two Prisma clients, each with its own pool, race for the same rows.
// On PostgreSQL (READ COMMITTED) their transactions interleave; the SQLite adapter runs one
// interactive transaction at a time, which hides these races — so this file matters on PostgreSQL
// (`TEST_DATABASE=postgres`, the second run of `npm test`) and is skipped on SQLite.
const TEXT = "Harbour fire\n\nThecapture of the port was swift.\n\nHouseAFP said nothing more.\n\nThe crew left at noon.";
const FIXES: Record<string, string> = { Thecapture: "The capture", HouseAFP: "House AFP" };
const { db, url, close } = createTestDb();
const other = testDatabase === "postgres" ? createClient(url, { poolMax: 5 }) : db;
let editor: Actor, reviewerA: Actor, reviewerB: Actor;

beforeAll(async () => {
  [editor, reviewerA, reviewerB] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer"), makeActor(db, "reviewer")]);
});
afterAll(async () => {
  if (other !== db) await other.$disconnect();
  await close();
});

async function articleWith(exacts: string[], { submit = true } = {}) {
  const parsed = parseText(TEXT);
  const a = await ingestArticle({ db, actor: editor, parsed, sourceKind: "paste" });
  const ids: string[] = [];
  for (const exact of exacts) {
    const start = parsed.text.indexOf(exact);
    const view = await createAnnotation({
      db, actor: editor,
      input: { articleId: a.id, revisionId: a.revisionId, start, end: start + exact.length, category: "missing_space", replacement: FIXES[exact], note: null, speaker: null },
    });
    ids.push(view.id);
  }
  if (submit) await submitForReview({ db, actor: editor, articleId: a.id });
  return { id: a.id, revisionId: a.revisionId, ids };
}

const revisionNumbers = async (articleId: string) =>
  (await db.revision.findMany({ where: { articleId }, orderBy: { number: "asc" }, select: { number: true } })).map((r) => r.number);

describe.skipIf(testDatabase !== "postgres")("PostgreSQL: concurrent writers on real parallel connections", () => {
  it("two reviewers approve the same change at once: exactly one wins, the other gets a conflict", async () => {
    for (let round = 0; round < 4; round++) {
      const a = await articleWith(["Thecapture"]);
      const results = await Promise.allSettled([
        approveChanges({ db, actor: reviewerA, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] }),
        approveChanges({ db: other, actor: reviewerB, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "conflict" });
      expect(await revisionNumbers(a.id)).toEqual([1, 2]);
      const mark = await db.annotation.findUniqueOrThrow({ where: { id: a.ids[0] } });
      expect(mark.status).toBe("applied");
      expect(await db.auditEvent.count({ where: { articleId: a.id, action: "approve" } })).toBe(1);
    }
  });

  it("two reviewers approve different changes of one article at once: both apply, into revisions 2 and 3", async () => {
    for (let round = 0; round < 4; round++) {
      const a = await articleWith(["Thecapture", "HouseAFP"]);
      const results = await Promise.allSettled([
        approveChanges({ db, actor: reviewerA, articleId: a.id, decisions: [{ id: a.ids[0], version: 1 }] }),
        approveChanges({ db: other, actor: reviewerB, articleId: a.id, decisions: [{ id: a.ids[1], version: 1 }] }),
      ]);
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
      expect(await revisionNumbers(a.id)).toEqual([1, 2, 3]);
      const newest = await db.revision.findFirstOrThrow({ where: { articleId: a.id, number: 3 } });
      expect(newest.text).toContain("The capture of the port");
      expect(newest.text).toContain("House AFP said");
    }
  });

  it("two editors relabel blocks of the same revision at once: one makes revision 2, the other gets a conflict", async () => {
    for (let round = 0; round < 4; round++) {
      const a = await articleWith([], { submit: false });
      const results = await Promise.allSettled([
        changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 2, kind: "caption" }),
        changeBlockKind({ db: other, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 3, kind: "credit" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect(await revisionNumbers(a.id)).toEqual([1, 2]);
    }
  });
});
