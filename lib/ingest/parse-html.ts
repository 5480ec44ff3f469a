import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import type { ParsedArticle } from "./blocks";
import { READABILITY_MAX_DEPTH_SQUARE_SUM, READABILITY_MAX_ELEMENTS } from "./limits";
import { measureHtml } from "./measure-html";
import { normalizeText } from "./normalize";
import { parseStructure, type SourceLine } from "./parse-structure";

const BLOCK_TAGS = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "FIGCAPTION",
  "DT", "DD", "TD", "TH", "CAPTION", "DIV", "SECTION", "ARTICLE", "HEADER", "FOOTER", "FIGURE", "ADDRESS",
]);

/**
 * HTML (a file, or a page fetched from a URL) → canonical text and blocks.
 * Safety: jsdom never runs scripts unless asked (we don't), Readability drops script/style,
 * and only text content leaves this function — no markup is ever stored or rendered, so
 * `<script>`, `onerror=` and `javascript:` links cannot run anywhere downstream.
 * Cost: a tree too deep or too big is refused before jsdom builds it; a large deep one that is
 * allowed skips Readability (whose time grows with depth × size) and keeps every text block.
 */
export function parseHtml(html: string, url?: string): ParsedArticle {
  const shape = measureHtml(html);
  const dom = new JSDOM(html, { url: url ?? "https://article.invalid/" });
  const doc = dom.window.document;
  const siteName = doc.querySelector('meta[property="og:site_name"]')?.getAttribute("content")?.trim();
  const readable = shape.elements <= READABILITY_MAX_ELEMENTS && shape.depthSquareSum <= READABILITY_MAX_DEPTH_SQUARE_SUM;
  const article = readable ? new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse() : null;

  const lines: SourceLine[] = [];
  if (siteName) lines.push({ text: siteName, hint: "outlet" });
  const title = clean(article?.title ?? doc.querySelector("h1")?.textContent ?? doc.title ?? "");
  if (title) lines.push({ text: title, hint: "headline" });
  const byline = clean(article?.byline ?? "");
  if (byline) lines.push({ text: byline, hint: "byline" });

  const body = article?.content ? new JSDOM(article.content).window.document.body : doc.body;
  for (const line of blockLines(body)) {
    // Readability keeps the page's h1 inside the content sometimes; don't repeat the headline.
    if (line.text === title || line.text === byline) continue;
    lines.push(line);
  }
  return parseStructure(lines.filter((l) => l.text.length > 0));
}

/** Text of each leaf block element, in document order, with a hint for figure captions. */
function blockLines(root: Element): SourceLine[] {
  const out: SourceLine[] = [];
  const visit = (el: Element) => {
    const tag = el.tagName;
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "NOSCRIPT" || tag === "TEMPLATE") return;
    const childBlocks = elementChildren(el).some((c) => BLOCK_TAGS.has(c.tagName));
    if (!childBlocks && (BLOCK_TAGS.has(tag) || el === root)) {
      const text = clean(el.textContent ?? "");
      if (text) out.push(tag === "FIGCAPTION" ? { text, hint: "caption" } : { text });
      return;
    }
    // mixed content: loose text between blocks becomes its own line
    let loose = "";
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName)) {
        if (clean(loose)) out.push({ text: clean(loose) });
        loose = "";
        visit(node as Element);
      } else if (node.nodeType === 1) {
        const t = (node as Element).tagName;
        if (t !== "SCRIPT" && t !== "STYLE" && t !== "NOSCRIPT" && t !== "TEMPLATE") loose += node.textContent ?? "";
      } else if (node.nodeType === 3) {
        loose += node.textContent ?? "";
      }
    }
    if (clean(loose)) out.push({ text: clean(loose) });
  };
  visit(root);
  return out;
}

/** Not Array.from(el.children): jsdom's live collection makes that quadratic in the child count. */
function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

function clean(s: string): string {
  return normalizeText(s).replace(/\s+/g, " ").trim();
}
