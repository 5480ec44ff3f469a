import type { Block, BlockKind } from "@/lib/ingest/blocks";

export interface ExportableArticle {
  text: string;
  blocks: Block[];
}

/** Blocks grouped the way a reader sees them: a caption and the credit on its line belong together. */
function groups(a: ExportableArticle): { kind: BlockKind; text: string; credit?: string }[] {
  const out: { kind: BlockKind; text: string; credit?: string }[] = [];
  for (const b of a.blocks) {
    const text = a.text.slice(b.start, b.end);
    const last = out.at(-1);
    if (b.kind === "credit" && last?.kind === "caption" && last.credit === undefined) last.credit = text;
    else out.push({ kind: b.kind, text });
  }
  return out;
}

/** The corrected article as plain text: junk dropped, blocks separated by a blank line. */
export function toPlainText(a: ExportableArticle): string {
  return groups(a)
    .filter((g) => g.kind !== "junk")
    .map((g) => (g.credit ? `${g.text} (${g.credit})` : g.text))
    .join("\n\n") + "\n";
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]#<>])/g, "\\$1");

export function toMarkdown(a: ExportableArticle): string {
  return groups(a)
    .filter((g) => g.kind !== "junk")
    .map((g) => {
      const t = escapeMd(g.text);
      switch (g.kind) {
        case "headline":
          return `# ${t}`;
        case "dek":
          return `*${t}*`;
        case "outlet":
          return `<!-- outlet: ${g.text.replace(/--/g, "—")} -->`;
        case "caption":
          return `> ${t}${g.credit ? ` — ${escapeMd(g.credit)}` : ""}`;
        case "credit":
          return `> ${t}`;
        case "byline":
          return `**${t}**`;
        default:
          return t;
      }
    })
    .join("\n\n") + "\n";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** HTML: headline as h1, caption with its credit as a figcaption, byline, paragraphs. Every text node escaped. */
export function toHtml(a: ExportableArticle): string {
  const headline = groups(a).find((g) => g.kind === "headline")?.text ?? "Article";
  const body = groups(a)
    .filter((g) => g.kind !== "junk")
    .map((g) => {
      const t = escapeHtml(g.text);
      switch (g.kind) {
        case "outlet":
          return `<p class="outlet">${t}</p>`;
        case "headline":
          return `<h1>${t}</h1>`;
        case "dek":
          return `<p class="dek">${t}</p>`;
        case "caption":
          return `<figure><figcaption>${t}${g.credit ? ` <span class="credit">${escapeHtml(g.credit)}</span>` : ""}</figcaption></figure>`;
        case "credit":
          return `<figure><figcaption><span class="credit">${t}</span></figcaption></figure>`;
        case "byline":
          return `<p class="byline">${t}</p>`;
        default:
          return `<p>${t}</p>`;
      }
    })
    .join("\n");
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(headline)}</title></head>\n<body>\n<article>\n${body}\n</article>\n</body>\n</html>\n`;
}
