import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAuditCursor, listEvents, parseAuditCursor } from "@/lib/audit/list-events";
import type { Actor } from "@/lib/auth/roles";
import { createTestDb, makeActor, testDatabase } from "./test-db";

// The whole audit log in pages, newest first (keyset on createdAt, id). Runs on both databases.
const { db, close } = createTestDb();
let admin: Actor;
const ids: string[] = [];

beforeAll(async () => {
  admin = await makeActor(db, "admin");
  // seven events, three of them at one instant: the id breaks the tie
  for (let i = 0; i < 7; i++) {
    const e = await db.auditEvent.create({
      data: { actorId: admin.id, action: "annotate", entityType: "article", entityId: `e${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i < 3 ? 0 : i)) },
      select: { id: true },
    });
    ids.push(e.id);
  }
});
afterAll(close);

describe(`the audit log in pages (${testDatabase})`, () => {
  it("walking older pages shows every event once, newest first, ties included", async () => {
    const everything = (await db.auditEvent.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((e) => e.id);
    const seen: string[] = [];
    let before: ReturnType<typeof parseAuditCursor>;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listEvents({ db, actor: admin, take: 2, before });
      seen.push(...page.map((e) => e.id));
      if (page.length < 2) break;
      // through the URL form, as the page's "Older events" link carries it
      before = parseAuditCursor(formatAuditCursor(page.at(-1)!));
    }
    expect(seen).toEqual(everything);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
  });

  it("anything in the URL that is not a cursor is the first page", () => {
    for (const junk of [undefined, "", "abc", "1.2.3", "12345678901234567.x", "1.a b", ["1.a"]]) expect(parseAuditCursor(junk)).toBeUndefined();
    expect(parseAuditCursor("1767225600000.cm0abc_1-x")).toEqual({ createdAt: new Date(1767225600000), id: "cm0abc_1-x" });
  });
});
