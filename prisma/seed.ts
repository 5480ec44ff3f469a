import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/create-user";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { detectFormat } from "@/lib/ingest/decode-source";
import { parseSource } from "@/lib/ingest/parse-source";
import type { Actor, Role } from "@/lib/auth/roles";
import { importRuleSet } from "@/lib/house-rules/import-rule-set";
import { publishDraft } from "@/lib/house-rules/publish-draft";

/** The demo newsroom. Passwords are printed in the README; change them on a real desk. */
export const DEMO_USERS: { name: string; email: string; password: string; role: Role }[] = [
  { name: "Eddie Editor", email: "editor@copydesk.test", password: "editor-pass", role: "editor" },
  { name: "Erin Second-Editor", email: "editor2@copydesk.test", password: "editor2-pass", role: "editor" },
  { name: "Rita Reviewer", email: "reviewer@copydesk.test", password: "reviewer-pass", role: "reviewer" },
  { name: "Ravi Second-Reviewer", email: "reviewer2@copydesk.test", password: "reviewer2-pass", role: "reviewer" },
  { name: "Ada Admin", email: "admin@copydesk.test", password: "admin-pass", role: "admin" },
  // a second admin: house rules are published by someone other than their author (four-eyes)
  { name: "Alex Second-Admin", email: "admin2@copydesk.test", password: "admin2-pass", role: "admin" },
  { name: "Stella Style-Editor", email: "style@copydesk.test", password: "style-pass", role: "style_editor" },
];

const STARTER_RULES = path.join(__dirname, "..", "lib", "house-style", "starter", "house-style.yaml");

/**
 * The starter house style, on a newsroom that has no house rules yet: imported as drafts by one
 * admin and published by the other, as a desk would (the same use cases, the same audit).
 */
async function seedHouseStyle(author: Actor, publisher: Actor): Promise<number> {
  if ((await db.houseRule.count()) > 0) return 0;
  const text = readFileSync(STARTER_RULES, "utf8");
  const { created } = await importRuleSet({ db, actor: author, text, filename: "house-style.yaml" });
  for (const key of created) {
    const draft = await db.houseRuleVersion.findFirstOrThrow({ where: { rule: { key }, status: "draft" }, select: { version: true, edit: true } });
    await publishDraft({ db, actor: publisher, key, version: draft.version, edit: draft.edit });
  }
  return created.length;
}

const SAMPLES_DIR = path.join(__dirname, "samples");

async function main() {
  const users: Awaited<ReturnType<typeof createUser>>[] = [];
  for (const u of DEMO_USERS) users.push(await createUser({ db, ...u }));
  const asActor = (email: string): Actor => {
    const u = users.find((x) => x.email === email)!;
    return { id: u.id, name: u.name, email: u.email, role: u.role as Role };
  };
  const houseRules = await seedHouseStyle(asActor("admin@copydesk.test"), asActor("admin2@copydesk.test"));
  if (houseRules) console.log(`seed: ${houseRules} starter house rules published`);
  // articles only into an empty newsroom, so re-running `npm start` never duplicates them
  if ((await db.article.count()) > 0) {
    console.log(`seed: ${users.length} demo users ready; articles already present, none added`);
    return;
  }
  const editor = users.find((u) => u.role === "editor")!;
  const actor = { id: editor.id, name: editor.name, email: editor.email, role: "editor" as const };
  const files = readdirSync(SAMPLES_DIR).filter((f) => /\.(txt|md|html)$/.test(f)).sort();
  for (const file of files) {
    const raw = readFileSync(path.join(SAMPLES_DIR, file), "utf8");
    const parsed = parseSource(raw, detectFormat(file, raw));
    const article = await ingestArticle({ db, actor, parsed, sourceKind: "seed", sourceName: file, checks: "none" });
    await recheckArticle({ db, actor, articleId: article.id });
  }
  console.log(`seed: ${users.length} demo users, ${files.length} sample articles`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exit(1);
  })
  .finally(() => db.$disconnect());
