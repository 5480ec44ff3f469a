import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor, Role } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { backtestVersion } from "@/lib/house-rules/backtest-draft";
import { importRuleSet } from "@/lib/house-rules/import-rule-set";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import { getArticle } from "@/lib/articles/get-article";
import { setRuleDisabled } from "@/lib/house-rules/disable-rule";
import { diffRuleVersions } from "@/lib/house-rules/diff-versions";
import { exportRuleSet } from "@/lib/house-rules/export-rule-set";
import { getHouseRule } from "@/lib/house-rules/get-house-rule";
import { publishDraft } from "@/lib/house-rules/publish-draft";
import { publishedHouseRules } from "@/lib/house-rules/published-rules";
import { restoreRule } from "@/lib/house-rules/restore-rule";
import { revertRule } from "@/lib/house-rules/revert-rule";
import { DEMOTE_AFTER } from "@/lib/house-rules/rule-decisions";
import { listRuleStats } from "@/lib/house-rules/rule-stats";
import { saveDraft } from "@/lib/house-rules/save-draft";
import { approveArticle } from "@/lib/review/decide-article";
import { approveChanges, rejectChange } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { acceptSuggestion, dismissSuggestion, undoDismissal } from "@/lib/suggestions/handle-suggestion";
import { createTestDb, makeActor } from "./test-db";

const { db, close } = createTestDb();
let editor: Actor, editor2: Actor, reviewer: Actor, admin: Actor, admin2: Actor, admin3: Actor, styleEditor: Actor;

beforeAll(async () => {
  [editor, reviewer, admin, admin2, admin3, styleEditor, editor2] = await Promise.all(
    (["editor", "reviewer", "admin", "admin", "admin", "style_editor", "editor"] as Role[]).map((r) => makeActor(db, r)),
  );
});
afterAll(close);

let keys = 0;
const newKey = () => `test-rule-${++keys}-${Date.now().toString(36)}`;

/** A substitution rule as the editor's form sends it (key and version are the use case's). */
const emailRule = (over: Record<string, unknown> = {}) => ({
  title: "email is one word",
  category: "style",
  message: "House style: email, one word.",
  severity: "warning",
  link: null,
  body: { kind: "substitution", from: ["e-mail"], to: "email" },
  examples: { flag: [{ text: "Send an e-mail to the desk.", expected: "email" }], pass: ["Send an email to the desk."] },
  ...over,
});

async function published(key: string, input = emailRule(), author = admin, publisher = admin2) {
  const d = await saveDraft({ db, actor: author, key, input, create: true });
  await publishDraft({ db, actor: publisher, key, version: d.version, edit: d.edit });
  return d;
}

describe("house-rule drafts", () => {
  it("saving runs the examples and stores their results; a failing example is stored, not refused", async () => {
    const key = newKey();
    const ok = await saveDraft({ db, actor: admin, key, input: emailRule(), create: true });
    expect(ok).toMatchObject({ version: 1, edit: 1, examplesPass: true });
    const failing = await saveDraft({
      db, actor: admin, key, edit: 1,
      input: emailRule({ examples: { flag: [{ text: "Send an e-mail.", expected: "e-mail" }], pass: ["no match here"] } }),
    });
    expect(failing).toMatchObject({ version: 1, edit: 2, examplesPass: false });
    const view = await getHouseRule({ db, actor: admin, key });
    expect(view.draft!.exampleResults).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "flag", pass: false })]));
    expect(view.publish).toMatchObject({ allowed: false });
  });

  it("a regular expression that could backtrack, or an invalid rule, is refused with the field and the reason", async () => {
    const key = newKey();
    const bad = emailRule({ body: { kind: "pattern", pattern: "(a+)+\\1", replacement: null } });
    const refusal = await saveDraft({ db, actor: admin, key, input: bad, create: true }).catch((e) => e);
    expect(refusal).toMatchObject({ code: "bad_input" });
    expect(Object.keys(refusal.fields)).toContain("body.pattern");
    await expect(saveDraft({ db, actor: admin, key: newKey(), input: emailRule({ message: "" }), create: true })).rejects.toMatchObject({ code: "bad_input" });
    expect(await db.houseRule.count({ where: { key } })).toBe(0);
    // a form saved empty: every empty field is named at once, the key among them
    const empty = await saveDraft({ db, actor: admin, key: "", input: emailRule({ title: "", message: "" }), create: true }).catch((e) => e);
    expect(empty).toMatchObject({ code: "bad_input" });
    expect(Object.keys(empty.fields)).toEqual(expect.arrayContaining(["key", "title", "message"]));
    expect(await db.houseRule.count({ where: { key: "" } })).toBe(0);
  });

  it("a stale save is a conflict; a taken key is a conflict", async () => {
    const key = newKey();
    await saveDraft({ db, actor: admin, key, input: emailRule(), create: true });
    await saveDraft({ db, actor: admin2, key, input: emailRule({ title: "theirs" }), edit: 1 });
    await expect(saveDraft({ db, actor: admin, key, input: emailRule({ title: "mine" }), edit: 1 })).rejects.toMatchObject({ code: "conflict" });
    await expect(saveDraft({ db, actor: admin, key, input: emailRule(), create: true })).rejects.toMatchObject({ code: "conflict" });
    expect((await getHouseRule({ db, actor: admin, key })).draft!.spec.title).toBe("theirs");
  });
});

describe("four-eyes publishing", () => {
  it("neither the author nor the last editor may publish, whatever their role; a third person may", async () => {
    const key = newKey();
    const d1 = await saveDraft({ db, actor: admin, key, input: emailRule(), create: true });
    await expect(publishDraft({ db, actor: admin, key, version: 1, edit: d1.edit })).rejects.toMatchObject({ code: "forbidden" });
    const d2 = await saveDraft({ db, actor: styleEditor, key, input: emailRule({ title: "edited" }), edit: d1.edit });
    await expect(publishDraft({ db, actor: styleEditor, key, version: 1, edit: d2.edit })).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishDraft({ db, actor: admin, key, version: 1, edit: d2.edit })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getHouseRule({ db, actor: admin, key })).publish).toEqual({ allowed: false, reason: expect.stringMatching(/another person must publish/) });
    // a publisher holding the edit before the last save is refused: they did not read this text
    await expect(publishDraft({ db, actor: admin2, key, version: 1, edit: d1.edit })).rejects.toMatchObject({ code: "conflict" });
    await publishDraft({ db, actor: admin2, key, version: 1, edit: d2.edit });
    const view = await getHouseRule({ db, actor: editor, key });
    expect(view).toMatchObject({ publishedVersion: 1, draft: null });
    expect(view.published).toMatchObject({ status: "published", publisherName: admin2.name, authorName: admin.name, lastEditorName: styleEditor.name });
    const audit = await db.auditEvent.findMany({ where: { entityType: "house_rule", entityId: key }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit).toEqual([
      { action: "house_rule_save", actorId: admin.id },
      { action: "house_rule_save", actorId: styleEditor.id },
      { action: "house_rule_publish", actorId: admin2.id },
    ]);
  });

  it("a draft whose examples fail cannot be published", async () => {
    const key = newKey();
    const d = await saveDraft({ db, actor: admin, key, input: emailRule({ examples: { flag: [{ text: "nothing to flag" }], pass: ["fine"] } }), create: true });
    await expect(publishDraft({ db, actor: admin2, key, version: 1, edit: d.edit })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/must-flag example 1/) });
    const noPass = newKey();
    const d2 = await saveDraft({ db, actor: admin, key: noPass, input: emailRule({ examples: { flag: [{ text: "an e-mail" }], pass: [] } }), create: true });
    await expect(publishDraft({ db, actor: admin2, key: noPass, version: 1, edit: d2.edit })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.houseRuleVersion.count({ where: { rule: { key: { in: [key, noPass] } }, status: "published" } })).toBe(0);
  });

  it("history, diff and revert: every version kept; revert makes a draft that a second person publishes", async () => {
    const key = newKey();
    await published(key);
    const d2 = await saveDraft({ db, actor: admin, key, input: emailRule({ message: "Write email." }) });
    expect(d2.version).toBe(2);
    await publishDraft({ db, actor: admin2, key, version: 2, edit: d2.edit });
    const diff = await diffRuleVersions({ db, actor: editor, key, from: 1, to: 2 });
    expect(diff.filter((p) => p.removed).map((p) => p.value).join("")).toContain("House style: email, one word.");
    expect(diff.filter((p) => p.added).map((p) => p.value).join("")).toContain("Write email.");
    const reverted = await revertRule({ db, actor: admin2, key, version: 1 });
    expect(reverted).toMatchObject({ version: 3, edit: 1 });
    await expect(publishDraft({ db, actor: admin2, key, version: 3, edit: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await publishDraft({ db, actor: admin, key, version: 3, edit: 1 });
    const view = await getHouseRule({ db, actor: admin, key });
    expect(view.versions.map((v) => [v.version, v.status])).toEqual([[3, "published"], [2, "superseded"], [1, "superseded"]]);
    expect(view.published!.spec.message).toBe("House style: email, one word.");
    expect((await publishedHouseRules(db)).filter((r) => r.key === key).map((r) => r.version)).toEqual([3]);
    expect((await db.auditEvent.count({ where: { entityId: key, action: "house_rule_revert" } }))).toBe(1);
  });
});

describe("permissions (the table in lib/auth/roles.ts, enforced by each use case)", () => {
  const cases: [string, (a: Actor) => Promise<unknown>, Role[]][] = [
    ["write a draft", (a) => saveDraft({ db, actor: a, key: newKey(), input: emailRule(), create: true }), ["admin", "style_editor"]],
    ["publish someone else's draft", async (a) => {
      const key = newKey();
      const d = await saveDraft({ db, actor: admin3, key, input: emailRule(), create: true });
      return publishDraft({ db, actor: a, key, version: d.version, edit: d.edit });
    }, ["admin", "style_editor"]],
    ["backtest a draft", async (a) => {
      const key = newKey();
      const d = await saveDraft({ db, actor: admin3, key, input: emailRule(), create: true });
      return backtestVersion({ db, actor: a, key, version: d.version });
    }, ["admin", "style_editor"]],
    ["disable a published rule", async (a) => {
      const key = newKey();
      const d = await saveDraft({ db, actor: admin3, key, input: emailRule(), create: true });
      await publishDraft({ db, actor: admin, key, version: d.version, edit: d.edit });
      return setRuleDisabled({ db, actor: a, key, disabled: true });
    }, ["admin", "style_editor"]],
    ["export the published set", (a) => exportRuleSet({ db, actor: a, format: "yaml" }), ["admin", "style_editor"]],
    ["read the Rules page", (a) => listRuleStats({ db, actor: a }), ["editor", "reviewer", "admin", "style_editor"]],
    ["restore a demoted rule", async (a) => {
      const ruleId = `house:${newKey()}`;
      await db.ruleState.create({ data: { ruleId, demotedAt: new Date(), demotedVersion: 1, demotedReason: "test" } });
      return restoreRule({ db, actor: a, ruleId });
    }, ["admin"]],
  ];
  const roles: Role[] = ["editor", "reviewer", "admin", "style_editor"];
  for (const [what, run, allowed] of cases) {
    for (const role of roles) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${what}`, async () => {
        const actor = { editor, reviewer, admin, style_editor: styleEditor }[role];
        if (allowed.includes(role)) await run(actor); // a refusal would throw
        else await expect(run(actor)).rejects.toMatchObject({ code: "forbidden" });
      });
    }
  }
});

/** An article with `n` open suggestions of one rule (as a check run stores them), ready to decide. */
async function articleWithFindings(ruleId: string, n: number, ruleVersion: number | null = 1) {
  const words = Array.from({ length: n }, (_, i) => `word${i}`);
  const article = await ingestArticle({ db, actor: editor, parsed: parseText(`Headline here\n\n${words.join(" ")} end.`), sourceKind: "paste", checks: "none" });
  const revision = await db.revision.findFirstOrThrow({ where: { articleId: article.id }, select: { id: true, text: true } });
  await db.article.update({ where: { id: article.id }, data: { lastAnnotationNumber: n } });
  await db.annotation.createMany({
    data: words.map((w, i) => {
      const start = revision.text.indexOf(w + " ");
      return {
        articleId: article.id, number: i + 1, revisionId: revision.id, start, end: start + w.length, exact: w, prefix: "", suffix: " ",
        category: "style", replacement: w.toUpperCase(), status: "suggested", source: `check:${ruleId}`, message: "m", confidence: 0.7,
        fingerprint: `${ruleId}-${article.id}-${i}`, ruleVersion, authorId: editor.id,
      };
    }),
  });
  const marks = await db.annotation.findMany({ where: { articleId: article.id }, orderBy: { number: "asc" }, select: { id: true, version: true } });
  return { articleId: article.id, marks };
}

const stats = async (ruleId: string) => (await listRuleStats({ db, actor: editor, only: ruleId }))[0];

describe("measured precision", () => {
  it("counts every decision per rule and version; precision counts each finding by its newest verdict", async () => {
    const key = newKey();
    await published(key);
    const ruleId = `house:${key}`;
    const { articleId, marks } = await articleWithFindings(ruleId, 6);
    const [a, b, c, d, e, f] = marks;
    await acceptSuggestion({ db, actor: editor, ...a, values: { category: "style", replacement: "X", note: null, speaker: null } });
    await acceptSuggestion({ db, actor: editor, ...b, values: { category: "style", replacement: "Y", note: null, speaker: null } });
    await dismissSuggestion({ db, actor: editor, ...c, reason: "wrong" });
    const notNow = await dismissSuggestion({ db, actor: editor, ...d });
    expect(notNow.dismissReason).toBe("not_now");
    let s = await stats(ruleId);
    expect(s.decisions).toMatchObject({ accepted: 2, wrong: 1, not_now: 1 });
    expect(s).toMatchObject({ version: 1, right: 2, judged: 3, findings: 6 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.falseAlarms.map((x) => x.exact)).toEqual(["word2"]);
    expect(s.trend.at(-1)).toMatchObject({ right: 2, judged: 3 });

    await submitForReview({ db, actor: editor, articleId });
    const [va, vb] = await db.annotation.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { number: "asc" }, select: { id: true, version: true } });
    await approveChanges({ db, actor: reviewer, articleId, decisions: [va] });
    await rejectChange({ db, actor: reviewer, ...vb, reason: "not house style here" });
    // the reviewer approves a machine fix as it stands
    await approveChanges({ db, actor: reviewer, articleId, decisions: [await db.annotation.findUniqueOrThrow({ where: { id: e.id }, select: { id: true, version: true } })] });
    s = await stats(ruleId);
    expect(s.decisions).toMatchObject({ accepted: 2, approved: 2, rejected: 1, wrong: 1, not_now: 1 });
    // a: accepted then approved (right), b: accepted then rejected (wrong), c: wrong, e: approved (right)
    expect(s).toMatchObject({ right: 2, judged: 4 });
    expect(s.falseAlarms.map((x) => x.exact).sort()).toEqual(["word1", "word2"]);
    // each rule lists its own false alarms only
    const all = await listRuleStats({ db, actor: editor });
    expect(all.filter((r) => r.falseAlarms.some((x) => x.exact === "word2")).map((r) => r.id)).toEqual([ruleId]);
    expect(f).toBeDefined();
  });

  it("an admin's undo of a dismissal takes its verdict back", async () => {
    const ruleId = `house:${newKey()}`;
    const { marks } = await articleWithFindings(ruleId, 1);
    const dismissed = await dismissSuggestion({ db, actor: editor, ...marks[0], reason: "wrong" });
    expect((await stats(`typo`)).id).toBe("typo");
    expect(await db.ruleDecision.count({ where: { ruleId, current: true } })).toBe(1);
    await undoDismissal({ db, actor: admin, id: dismissed.id, version: dismissed.version });
    expect(await db.ruleDecision.count({ where: { ruleId, current: true } })).toBe(0);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: dismissed.id } })).dismissReason).toBeNull();
  });
});

describe("automatic demotion", () => {
  it(`a rule right on under half of ${DEMOTE_AFTER} judged findings turns advisory; its findings stop holding approval up; an admin restores it`, async () => {
    const ruleId = "typo"; // a built-in rule: demotion works the same for both kinds
    const { articleId, marks } = await articleWithFindings(ruleId, DEMOTE_AFTER + 2, null);
    // two editors, each right on 7 of 15: whichever of them is left out, the other says the same
    const accept = (actor: Actor, m: (typeof marks)[number]) => acceptSuggestion({ db, actor, ...m, values: { category: "style", replacement: "Z", note: null, speaker: null } });
    for (const m of marks.slice(0, 7)) await accept(editor, m);
    for (const m of marks.slice(7, 14)) await accept(editor2, m);
    for (const m of marks.slice(14, 22)) await dismissSuggestion({ db, actor: editor, ...m, reason: "wrong" });
    for (const m of marks.slice(22, 29)) await dismissSuggestion({ db, actor: editor2, ...m, reason: "wrong" });
    // 29 judged: not yet enough to say; "not now" says nothing of the rule
    await dismissSuggestion({ db, actor: editor, ...marks[29] });
    expect((await stats(ruleId)).demotion).toBeNull();
    // the 30th verdict: 14 of 30 right
    await dismissSuggestion({ db, actor: editor2, ...marks[30], reason: "wrong" });
    const s = await stats(ruleId);
    expect(s.demotion).toMatchObject({ reason: expect.stringMatching(/14 of 30 .*47 %.*under 50 %/) });
    expect(await db.auditEvent.count({ where: { action: "rule_demote", entityId: ruleId } })).toBe(1);
    const last = await db.annotation.findUniqueOrThrow({ where: { id: marks[31].id } });
    expect(last).toMatchObject({ status: "suggested", advisory: true });

    // the open advisory suggestion does not hold approval up (the accepted ones are changes to decide)
    await db.annotation.deleteMany({ where: { articleId, status: "proposed" } });
    await submitForReview({ db, actor: editor, articleId });
    await expect(approveArticle({ db, actor: reviewer, articleId })).resolves.toBeDefined();

    await expect(restoreRule({ db, actor: styleEditor, ruleId })).rejects.toMatchObject({ code: "forbidden" });
    await restoreRule({ db, actor: admin, ruleId });
    expect((await stats(ruleId)).demotion).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "rule_restore", entityId: ruleId, actorId: admin.id } })).toBe(1);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: marks[31].id } })).advisory).toBe(false);
    await expect(restoreRule({ db, actor: admin, ruleId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("one person cannot demote a rule alone, not even with fewer verdicts than an honest colleague", async () => {
    const ruleId = "doubled-word";
    const { marks } = await articleWithFindings(ruleId, 35, null);
    // the editor judged 20: right on 12 (60 %)
    for (const m of marks.slice(0, 12)) await acceptSuggestion({ db, actor: editor, ...m, values: { category: "style", replacement: "Z", note: null, speaker: null } });
    for (const m of marks.slice(12, 20)) await dismissSuggestion({ db, actor: editor, ...m, reason: "wrong" });
    // a second editor calls 15 planted findings wrong: 12 of 35 right overall, but not the desk's verdict
    for (const m of marks.slice(20, 35)) await dismissSuggestion({ db, actor: editor2, ...m, reason: "wrong" });
    expect(await stats(ruleId)).toMatchObject({ right: 12, judged: 35, demotion: null });
  });

  it("publishing a new version of a demoted house rule ends its demotion", async () => {
    const key = newKey();
    await published(key);
    await db.ruleState.create({ data: { ruleId: `house:${key}`, demotedAt: new Date(), demotedVersion: 1, demotedReason: "low" } });
    const d = await saveDraft({ db, actor: admin, key, input: emailRule({ message: "Better." }) });
    await publishDraft({ db, actor: admin2, key, version: d.version, edit: d.edit });
    expect((await getHouseRule({ db, actor: admin, key })).demotion).toBeNull();
  });
});

describe("house rules in the checks", () => {
  it("a published rule fires on a newly checked article as check:house:<key> with its version; a draft does not", async () => {
    const key = newKey();
    const drafted = newKey();
    await published(key, emailRule({ body: { kind: "substitution", from: ["focussed"], to: "focused" }, examples: { flag: [{ text: "We focussed.", expected: "focused" }], pass: ["We focused."] } }));
    await saveDraft({ db, actor: admin, key: drafted, input: emailRule({ body: { kind: "substitution", from: ["roads"], to: "streets" }, examples: { flag: [{ text: "the roads" }], pass: ["x"] } }), create: true });
    const article = await ingestArticle({ db, actor: editor, parsed: parseText("Headline\n\nThe council focussed on roads."), sourceKind: "paste", checks: "none" });
    await recheckArticle({ db, actor: editor, articleId: article.id });
    const marks = (await getArticle({ db, actor: editor, id: article.id })).annotations;
    expect(marks.filter((m) => m.source === `check:house:${key}`)).toEqual([expect.objectContaining({ exact: "focussed", replacement: "focused", ruleVersion: 1, advisory: false, status: "suggested" })]);
    expect(marks.some((m) => m.source === `check:house:${drafted}`)).toBe(false);
  });

  it("a disabled rule leaves the checks (audited) until it is enabled again", async () => {
    const key = newKey();
    await published(key);
    await expect(setRuleDisabled({ db, actor: editor, key, disabled: true })).rejects.toMatchObject({ code: "forbidden" });
    await setRuleDisabled({ db, actor: admin, key, disabled: true });
    expect((await publishedHouseRules(db)).some((r) => r.key === key)).toBe(false);
    await expect(setRuleDisabled({ db, actor: admin, key, disabled: true })).rejects.toMatchObject({ code: "conflict" });
    await setRuleDisabled({ db, actor: styleEditor, key, disabled: false });
    expect((await publishedHouseRules(db)).some((r) => r.key === key)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "house_rule_disable", entityId: key } })).toBe(2);
  });

  it("a demoted rule's new findings are stored advisory", async () => {
    const key = newKey();
    await published(key, emailRule({ body: { kind: "substitution", from: ["towards"], to: "toward" }, examples: { flag: [{ text: "towards it" }], pass: ["toward it"] } }));
    await db.ruleState.create({ data: { ruleId: `house:${key}`, demotedAt: new Date(), demotedVersion: 1, demotedReason: "low" } });
    const article = await ingestArticle({ db, actor: editor, parsed: parseText("Headline\n\nWalk towards the sea."), sourceKind: "paste", checks: "none" });
    await recheckArticle({ db, actor: editor, articleId: article.id });
    const mark = (await getArticle({ db, actor: editor, id: article.id })).annotations.find((m) => m.source === `check:house:${key}`);
    expect(mark).toMatchObject({ advisory: true });
  });
});

describe("backtest, import and export", () => {
  it("backtests a draft over the current revision of every article, with each match in context", async () => {
    const key = newKey();
    const marker = `zq${Date.now().toString(36)}`;
    await ingestArticle({ db, actor: editor, parsed: parseText(`Headline\n\nOne ${marker} here and ${marker} there.`), sourceKind: "paste", checks: "none" });
    await saveDraft({ db, actor: admin, key, input: emailRule({ body: { kind: "substitution", from: [marker], to: "X" }, examples: { flag: [{ text: `a ${marker}` }], pass: ["none"] } }), create: true });
    const report = await backtestVersion({ db, actor: admin, key, version: 1 });
    expect(report.counts).toMatchObject({ matches: 2, docsWithMatches: 1 });
    expect(report.counts.docs).toBe(await db.article.count());
    expect(report.matches[0]).toMatchObject({ exact: marker, replacement: "X", before: expect.stringContaining("One "), after: expect.stringContaining(" here") });
    expect(report.truncated).toBe(false);
    await expect(backtestVersion({ db, actor: editor, key, version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    // the budget bounds it: with none left, nothing is read and the report says so
    expect(await backtestVersion({ db, actor: admin, key, version: 1, budgetMs: 0 })).toMatchObject({ truncated: true, counts: { docs: 0 } });
    expect(await db.auditEvent.count({ where: { action: "house_rule_backtest", entityId: key } })).toBe(2);
  });

  it("export → import round-trips; import makes drafts only, and an invalid file changes nothing", async () => {
    const key = newKey();
    await published(key);
    const file = await exportRuleSet({ db, actor: admin, format: "yaml" });
    expect(file.body).toContain(key);
    // the same file again: nothing to do
    const again = await importRuleSet({ db, actor: styleEditor, text: file.body, filename: "house-style.yaml" });
    expect(again.unchanged).toContain(key);
    expect(again.created).toEqual([]);
    // a changed copy under a new key and a changed message: drafts, never published
    const fresh = newKey();
    const changed = file.body.replaceAll(key, fresh);
    const outcome = await importRuleSet({ db, actor: styleEditor, text: changed, filename: "x.yaml" });
    expect(outcome.created).toContain(fresh);
    expect((await getHouseRule({ db, actor: admin, key: fresh })).publishedVersion).toBeNull();
    await expect(publishDraft({ db, actor: styleEditor, key: fresh, version: 1, edit: 1 })).rejects.toMatchObject({ code: "forbidden" });
    const before = await db.houseRule.count();
    await expect(importRuleSet({ db, actor: admin, text: "rules:\n  - key: Bad Key\n", filename: "bad.yaml" })).rejects.toMatchObject({ code: "bad_input" });
    expect(await db.houseRule.count()).toBe(before);
  });
});
