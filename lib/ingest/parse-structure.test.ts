import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blockText } from "./blocks";
import { parseText, parseMarkdown } from "./parse-text";
import { validateParsed } from "./validate-parsed";

const FIXTURES = path.join(__dirname, "..", "..", "..", "shared", "fixtures");
const SAMPLES = path.join(__dirname, "..", "..", "prisma", "samples");

describe("parseText on the scraped fixture", () => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, "voz-trump-petro.expected.json"), "utf8")).structure;
  const parsed = parseText(readFileSync(path.join(FIXTURES, "voz-trump-petro.txt"), "utf8"));
  const of = (kind: string) => parsed.blocks.filter((b) => b.kind === kind).map((b) => blockText(parsed.text, b));

  it("finds outlet line, headline, dek", () => {
    expect(of("outlet")).toEqual([expected.outletLine]);
    expect(of("headline")).toEqual([expected.headline]);
    expect(of("dek")).toEqual([expected.dek]);
  });

  it("splits the caption from its glued-on credit, and keeps the duplicate caption a caption", () => {
    expect(of("caption")).toEqual([expected.image.caption, expected.image.caption]);
    expect(of("credit")).toEqual([expected.image.credit]);
    // the glue is damage the editor fixes: the text still reads "HouseAFP"
    const credit = parsed.blocks.find((b) => b.kind === "credit")!;
    expect(parsed.text.slice(credit.start - 5, credit.end)).toBe("HouseAFP");
  });

  it("finds the byline, the first body paragraph and the trailing junk", () => {
    expect(of("byline")).toEqual([expected.byline]);
    expect(of("paragraph")[0].startsWith(expected.firstBodyParagraphStartsWith)).toBe(true);
    expect(of("paragraph")).toHaveLength(11);
    expect(of("junk")).toEqual(expected.trailingJunk);
  });

  it("covers the text with ordered blocks separated only by blank lines", () => {
    let at = 0;
    for (const b of parsed.blocks) {
      expect(b.start).toBeGreaterThanOrEqual(at);
      expect(["", "\n\n"]).toContain(parsed.text.slice(at, b.start));
      at = b.end;
    }
    expect(at).toBe(parsed.text.length);
  });
});

describe("parseText on the project's own samples", () => {
  const sample = (name: string) => readFileSync(path.join(SAMPLES, name), "utf8");
  const kinds = (p: ReturnType<typeof parseText>) => p.blocks.map((b) => `${b.kind}:${blockText(p.text, b).slice(0, 24)}`);

  it("harbor-bridge: caption glued to a Reuters credit, junk at the end", () => {
    const p = parseText(sample("harbor-bridge.txt"));
    expect(kinds(p).slice(0, 7)).toEqual([
      "outlet:Harbor Gazette harborgaz",
      'headline:"The bridge will open on',
      "dek:Officials said the repai",
      "caption:Crews lift a steel secti",
      "caption:Crews lift a steel secti",
      "credit:Reuters",
      "byline:Marta Quiroga Ellison",
    ]);
    expect(kinds(p).at(-1)).toBe("junk:Share this article");
  });

  it("school-budget: a 'By' byline, no image, an Advertisement line", () => {
    const p = parseText(sample("school-budget.txt"));
    expect(p.blocks.map((b) => b.kind)).toEqual(["outlet", "headline", "dek", "byline", ...Array(6).fill("paragraph"), "junk"]);
  });

  it("wildfire (Markdown): # headline, image alt text as caption, labelled photo credit", () => {
    const p = parseMarkdown(sample("wildfire-evacuation.md"));
    expect(p.blocks.slice(0, 5).map((b) => b.kind)).toEqual(["headline", "dek", "caption", "credit", "byline"]);
    expect(p.text).not.toContain("![");
    expect(p.text).not.toContain("# ");
  });
});

describe("structure edge cases", () => {
  it("a wire story's dateline lede is its first paragraph, never a dek", () => {
    for (const dateline of ["RIVERTON (AP) —", "RIVERTON —", "NEW RIVERTON (Reuters) -", "RIVERTON, Wyoming (CNN) --"]) {
      const p = parseText(`Council backs new ferry line\n\n${dateline} The town council voted on Tuesday to fund a second ferry line across the bay.\n\nThe vote was 7 to 2.\n\nWork starts in spring.\n\nTickets will cost the same.`);
      expect(p.blocks.map((b) => b.kind), dateline).toEqual(["headline", "paragraph", "paragraph", "paragraph", "paragraph"]);
    }
  });

  it("an AP 'FILE -' photo caption with its credit, and the byline after it, stay head matter", () => {
    const p = parseText("Council backs new ferry line\n\nFILE - The ferry docks at Riverton, Jan. 5, 2026. (AP Photo/Jo Smith)\n\nBy Jane Doe\n\nRIVERTON (AP) — The town council voted on Tuesday to fund a second ferry line across the bay.\n\nThe vote was 7 to 2.");
    expect(p.blocks.map((b) => b.kind).slice(0, 3)).not.toContain("paragraph");
    expect(p.blocks.map((b) => b.kind)).toContain("byline");
    expect(p.blocks.at(-2)!.kind).toBe("paragraph");
  });

  it("a dek still is one when no dateline follows the headline", () => {
    const p = parseText("Council backs new ferry line\n\nThe town council voted on Tuesday to fund a second ferry line across the bay.\n\nThe vote was 7 to 2.\n\nWork starts in spring.\n\nTickets will cost the same.\n\nThe line opens in May.");
    expect(p.blocks[1].kind).toBe("dek");
  });

  it("a headline followed directly by body keeps its first paragraph a paragraph", () => {
    const p = parseText(
      "Council passes the harbour plan\n\nThe council voted on Monday to approve the harbour plan after a debate that lasted most of the afternoon and into the evening, with several members asking for changes to the budget.\n\nWork starts next year.",
    );
    expect(p.blocks.map((b) => b.kind)).toEqual(["headline", "paragraph", "paragraph"]);
  });

  it("joins hard-wrapped lines but keeps one-line-per-paragraph text apart", () => {
    const p = parseText("Headline here\n\nThis paragraph was wrapped by an email client at a fixed\nwidth and continues here.");
    expect(blockText(p.text, p.blocks[1])).toBe("This paragraph was wrapped by an email client at a fixed width and continues here.");
  });

  it("separated credits: pipe, parentheses, labelled", () => {
    for (const [line, caption, credit] of [
      ["Ministers arrive for the summit | Reuters", "Ministers arrive for the summit", "| Reuters"],
      ["Ministers arrive for the summit (AFP)", "Ministers arrive for the summit", "(AFP)"],
      ["Ministers arrive for the summit. Photo: Jane Doe", "Ministers arrive for the summit.", "Photo: Jane Doe"],
    ]) {
      const p = parseText(`Summit opens\n\n${line}\n\nBy Ana Ruiz\n\nLeaders met on Monday.`);
      const of = (k: string) => p.blocks.filter((b) => b.kind === k).map((b) => blockText(p.text, b));
      expect(of("caption"), line).toEqual([caption]);
      expect(of("credit"), line).toEqual([credit]);
      expect(() => validateParsed(p), "blocks leave only whitespace between them").not.toThrow();
    }
  });

  it("a line with a long run of spaces is read in linear time (the credit patterns never see it)", () => {
    // 128 K spaces took 2-3 s when the caption/credit patterns backtracked over the run; a blocked
    // request thread would take seconds, a linear read takes milliseconds
    const t0 = performance.now();
    const p = parseText(`Headline\n\nThe end${" ".repeat(131_072)}came`);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(p.blocks.length).toBeGreaterThan(0);
  });
});
