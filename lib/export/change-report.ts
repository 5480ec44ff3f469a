import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

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

/** Every applied change of an article, in the order the revisions were made. */
export async function changeReport({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }): Promise<ChangeReportRow[]> {
  assertCan(actor, "article:read");
  const rows = await db.annotation.findMany({
    where: { articleId, status: "applied" },
    orderBy: [{ appliedRevision: { number: "asc" } }, { start: "asc" }],
    select: {
      category: true, exact: true, replacement: true, source: true, reviewedAt: true,
      author: { select: { name: true } }, reviewedBy: { select: { name: true } }, appliedRevision: { select: { number: true } },
    },
  });
  return rows.map((r) => ({
    revision: r.appliedRevision?.number ?? 0,
    category: r.category,
    before: r.exact,
    after: r.replacement ?? "",
    author: r.author.name,
    reviewer: r.reviewedBy?.name ?? "",
    reviewedAt: r.reviewedAt?.toISOString() ?? "",
    source: r.source,
  }));
}

const mdCell = (s: string) => (s === "" ? "*(deleted)*" : s.replace(/\|/g, "\\|").replace(/\n/g, " ⏎ "));

export function changeReportMarkdown(title: string, rows: ChangeReportRow[]): string {
  const head = `# Change report: ${title}\n\n${rows.length} applied change${rows.length === 1 ? "" : "s"}.\n\n`;
  const table = [
    "| revision | category | before | after | author | reviewer | time |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.revision} | ${r.category} | ${mdCell(r.before)} | ${mdCell(r.after)} | ${r.author} | ${r.reviewer} | ${r.reviewedAt} |`),
  ].join("\n");
  return head + table + "\n";
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function changeReportCsv(rows: ChangeReportRow[]): string {
  const cell = (s: string | number) => {
    let v = String(s);
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const header = ["revision", "category", "before", "after", "author", "reviewer", "reviewed_at", "source"];
  return [header, ...rows.map((r) => [r.revision, r.category, r.before, r.after, r.author, r.reviewer, r.reviewedAt, r.source])]
    .map((line) => line.map(cell).join(","))
    .join("\r\n") + "\r\n";
}
