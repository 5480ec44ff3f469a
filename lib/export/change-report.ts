import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { CATEGORY_LABELS, type AnnotationCategory } from "@/lib/annotations/categories";
import { creditedTo } from "@/lib/annotations/credited-to";
import { escapeMarkdownLine } from "./markdown-escape";
import { oneLine } from "./one-line";

export interface ChangeReportRow {
  revision: number;
  category: string;
  before: string;
  after: string;
  author: string;
  reviewer: string;
  reviewedAt: string;
  source: string;
}

/**
 * Every applied change of an article and every relabelled block (a paragraph marked as page residue
 * leaves the published text), in the order the revisions were made.
 */
export async function changeReport({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }): Promise<ChangeReportRow[]> {
  assertCan(actor, "article:read");
  const changes = await appliedChangeRows(db, articleId);
  const relabels = await relabelRows(db, articleId);
  return [...changes, ...relabels].sort((a, b) => a.revision - b.revision);
}

async function appliedChangeRows(db: Db, articleId: string): Promise<ChangeReportRow[]> {
  const rows = await db.annotation.findMany({
    where: { articleId, status: "applied" },
    orderBy: [{ appliedRevision: { number: "asc" } }, { start: "asc" }],
    select: {
      category: true, exact: true, replacement: true, source: true, reviewedAt: true, lastEditedById: true,
      author: { select: { name: true } }, reviewedBy: { select: { name: true } }, appliedRevision: { select: { number: true } },
    },
  });
  return rows.map((r) => ({
    revision: r.appliedRevision?.number ?? 0,
    category: r.category,
    before: r.exact,
    after: r.replacement ?? "",
    author: creditedTo({ source: r.source, authorName: r.author.name, lastEditedById: r.lastEditedById }),
    reviewer: r.reviewedBy?.name ?? "",
    reviewedAt: r.reviewedAt?.toISOString() ?? "",
    source: r.source,
  }));
}

async function relabelRows(db: Db, articleId: string): Promise<ChangeReportRow[]> {
  const events = await db.auditEvent.findMany({
    where: { articleId, action: "change_block_kind" },
    orderBy: { createdAt: "asc" },
    select: { before: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((e) => {
    const before = JSON.parse(e.before ?? "{}") as { position?: number; kind?: string; text?: string };
    const after = JSON.parse(e.after ?? "{}") as { revision?: number; kind?: string };
    const block = `block ${(before.position ?? 0) + 1}, ${before.kind ?? "?"}`;
    return {
      revision: after.revision ?? 0,
      category: "block kind",
      before: before.text ? `${block}: ${before.text}` : block,
      after: after.kind ?? "",
      author: e.actor?.name ?? "",
      reviewer: "",
      reviewedAt: "",
      source: "relabel",
    };
  });
}

export interface WaiverRow {
  category: string;
  text: string;
  source: string;
  message: string;
  reason: string;
  reviewer: string;
  reviewedAt: string;
}

/** Machine findings the reviewer let stand, with their reason (lib/review/waive-finding.ts). */
export async function waivedFindings({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }): Promise<WaiverRow[]> {
  assertCan(actor, "article:read");
  const rows = await db.annotation.findMany({
    where: { articleId, status: "waived" },
    orderBy: [{ reviewedAt: "asc" }, { start: "asc" }],
    select: { category: true, exact: true, source: true, message: true, reviewNote: true, reviewedAt: true, reviewedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    category: r.category,
    text: r.exact,
    source: r.source,
    message: r.message ?? "",
    reason: r.reviewNote ?? "",
    reviewer: r.reviewedBy?.name ?? "",
    reviewedAt: r.reviewedAt?.toISOString() ?? "",
  }));
}

/** People's text (titles, names, the words of a change) is escaped; see escapeMarkdownLine. */
const md = escapeMarkdownLine;
/** an ISO time as it is (readable in the raw file); anything else is escaped like people's text */
const time = (t: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(t) ? t : md(t));
const categoryLabel = (c: string) => (Object.hasOwn(CATEGORY_LABELS, c) ? CATEGORY_LABELS[c as AnnotationCategory] : md(c));
const mdChange = (s: string) => (s === "" ? "*(deleted)*" : md(oneLine(s)));

export function changeReportMarkdown(title: string, rows: ChangeReportRow[], waived: WaiverRow[] = []): string {
  const relabels = rows.filter((r) => r.source === "relabel").length;
  const changes = rows.length - relabels;
  const counts = `${changes} applied change${changes === 1 ? "" : "s"}${relabels ? `, ${relabels} relabelled block${relabels === 1 ? "" : "s"}` : ""}`;
  const head = `# Change report: ${md(title)}\n\n${counts}.\n\n`;
  const table = [
    "| revision | category | before | after | author | reviewer | time |",
    "|---|---|---|---|---|---|---|",
    // the category and the time are ours (a known label, an ISO time): only people's text is escaped
    ...rows.map((r) => `| ${r.revision} | ${categoryLabel(r.category)} | ${mdChange(r.before)} | ${mdChange(r.after)} | ${md(r.author)} | ${md(r.reviewer)} | ${time(r.reviewedAt)} |`),
  ].join("\n");
  return head + table + "\n" + waiverSection(waived);
}

/** Findings that went out unfixed are part of the story of the article: who let them stand, and why. */
function waiverSection(waived: WaiverRow[]): string {
  if (waived.length === 0) return "";
  return [
    "",
    `## Waived findings`,
    "",
    `${waived.length === 1 ? "1 machine finding was left as it stands" : `${waived.length} machine findings were left as they stand`} by the reviewer.`,
    "",
    "| category | text | check | finding | reason | reviewer | time |",
    "|---|---|---|---|---|---|---|",
    ...waived.map((w) => `| ${categoryLabel(w.category)} | ${md(oneLine(w.text))} | ${md(w.source)} | ${md(w.message)} | ${md(w.reason)} | ${md(w.reviewer)} | ${time(w.reviewedAt)} |`),
    "",
  ].join("\n");
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function changeReportCsv(rows: ChangeReportRow[]): string {
  const cell = (s: string | number) => {
    let v = String(s);
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const header = ["revision", "category", "before", "after", "author", "reviewer", "reviewed_at", "source"];
  return [header, ...rows.map((r) => [r.revision, r.category, oneLine(r.before), oneLine(r.after), r.author, r.reviewer, r.reviewedAt, r.source])]
    .map((line) => line.map(cell).join(","))
    .join("\r\n") + "\r\n";
}
