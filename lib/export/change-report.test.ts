import { JSDOM } from "jsdom";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "./article-export";
import { changeReportCsv, changeReportMarkdown, type ChangeReportRow } from "./change-report";

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![x](javascript:alert(1))",
  "<https://evil.example/>",
  "https://evil.example/x",
  "www.evil.example",
  "mail me: a@evil.example",
  "a | b | c",
  "line one\n<script>alert(2)</script>\n\n# heading",
  "`code` *em* __strong__ ~~del~~",
  "&lt;script&gt;alert(3)&lt;/script&gt;",
  "&#60;img src=x onerror=alert(4)&#62;",
  "\\<script>alert(5)</script>",
  "<!-- comment --> <svg onload=alert(6)>",
  "[ref]: javascript:alert(7)",
  "1. a list? - no",
];

/** Render as a common renderer would (GFM on), and list what the user's text turned into. */
function render(markdown: string) {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const doc = new JSDOM(html).window.document;
  const tags = new Set([...doc.body.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()));
  const attributes = [...doc.body.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name));
  return { doc, tags, attributes };
}

describe("changes.md export", () => {
  const rows: ChangeReportRow[] = HOSTILE.map((text, i) => ({
    revision: i + 2,
    category: text,
    before: text,
    after: text,
    author: text,
    reviewer: text,
    reviewedAt: text,
    source: "editor",
  }));
  const { doc, tags, attributes } = render(changeReportMarkdown("<script>alert('title')</script> [t](javascript:x)", rows));

  it("renders no tag, link or attribute from user text", () => {
    expect([...tags].sort()).toEqual(["h1", "p", "table", "tbody", "td", "th", "thead", "tr"]);
    expect(attributes).toEqual([]);
  });

  it("keeps every row and column: a pipe or a line break in the text cannot make cells", () => {
    const bodyRows = [...doc.querySelectorAll("tbody tr")];
    expect(bodyRows).toHaveLength(HOSTILE.length);
    for (const [i, tr] of bodyRows.entries()) {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent);
      expect(cells).toHaveLength(7);
      // the reader sees exactly what was written, line breaks shown as ⏎ (in a change's words, ¶)
      expect(cells[4]).toBe(HOSTILE[i].replace(/\n/g, " ⏎ "));
      expect(cells[2]).toBe(HOSTILE[i].replace(/\n+/g, " ¶ "));
    }
  });

  it("shows the title as text", () => {
    expect(doc.querySelector("h1")!.textContent).toBe("Change report: <script>alert('title')</script> [t](javascript:x)");
  });
});

describe("a deleted duplicate block in the report", () => {
  const row: ChangeReportRow = {
    revision: 2, category: "duplicate", before: "\n\nGustavo Petro and Donald Trump at The White House", after: "",
    author: "Eddie Editor", reviewer: "Rita Reviewer", reviewedAt: "2026-11-23T10:00:00.000Z", source: "check:duplicate-block",
  };

  it("has no line break in its before, in Markdown or CSV", () => {
    const md = changeReportMarkdown("Story", [row]);
    expect(md.split("\n").filter((l) => l.startsWith("| 2 |"))).toEqual([
      // the category is its label, the time as written (ours, not people's text: nothing to escape)
      "| 2 | Duplicate | Gustavo Petro and Donald Trump at The White House | *(deleted)* | Eddie Editor | Rita Reviewer | 2026-11-23T10:00:00.000Z |",
    ]);
    const csv = changeReportCsv([row]).split("\r\n");
    expect(csv[1]).toBe("2,duplicate,Gustavo Petro and Donald Trump at The White House,,Eddie Editor,Rita Reviewer,2026-11-23T10:00:00.000Z,check:duplicate-block");
  });
});

describe("article .md export", () => {
  // a readable document, so "." and "-" stay unescaped and bare web addresses may become links;
  // nothing that runs or loads: no raw HTML, no image, no link other than to a web address
  it("renders nothing that runs or loads from the article's text", () => {
    let text = "";
    const blocks = HOSTILE.map((piece, i) => {
      const start = text.length;
      text += piece + "\n\n";
      return { kind: i === 0 ? "headline" : i === 1 ? "caption" : "paragraph", start, end: start + piece.length };
    });
    const md = toMarkdown({ text, blocks } as Parameters<typeof toMarkdown>[0]);
    const { doc, tags, attributes } = render(md);
    expect([...tags].filter((t) => !["h1", "p", "em", "strong", "blockquote", "a", "del", "ol", "li"].includes(t))).toEqual([]);
    expect(attributes.filter((a) => a !== "href")).toEqual([]);
    for (const a of doc.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^(https?:|mailto:)/);
  });
});
