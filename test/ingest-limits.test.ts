import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import type { Block } from "@/lib/ingest/blocks";
import { MAX_BLOCKS } from "@/lib/ingest/limits";
import { createTestDb, makeActor } from "./test-db";

const t = createTestDb();
let editor: Actor;
beforeAll(async () => {
  editor = await makeActor(t.db, "editor");
});
afterAll(() => t.close());

describe("ingestArticle enforces the same limits for every caller (form, API, CLI)", () => {
  it("refuses more blocks than the form may save, and stores nothing", async () => {
    const lines = Array.from({ length: MAX_BLOCKS + 1 }, (_, i) => `Line ${i}.`);
    const blocks: Block[] = [];
    let text = "";
    for (const line of lines) {
      if (text) text += "\n\n";
      blocks.push({ kind: blocks.length === 0 ? "headline" : "paragraph", start: text.length, end: text.length + line.length });
      text += line;
    }
    await expect(ingestArticle({ db: t.db, actor: editor, parsed: { text, blocks }, sourceKind: "api" })).rejects.toMatchObject({ code: "too_large" });
    expect(await t.db.article.count()).toBe(0);
  });

  it("refuses text carrying a NUL byte, and stores nothing", async () => {
    const text = "Council\u0000 backs cycle lanes";
    await expect(
      ingestArticle({ db: t.db, actor: editor, parsed: { text, blocks: [{ kind: "headline", start: 0, end: text.length }] }, sourceKind: "api" }),
    ).rejects.toMatchObject({ code: "bad_input" });
    expect(await t.db.article.count()).toBe(0);
  });
});
