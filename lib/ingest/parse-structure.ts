import type { Block, BlockKind, ParsedArticle } from "./blocks";
import {
  CAPTION_AGENCY_CREDIT,
  CAPTION_GLUED_CREDIT,
  CAPTION_LABELLED_CREDIT,
  CREDIT_ONLY,
  DATELINE,
  DOMAIN,
  JUNK_LINE,
  NAME_PARTICLES,
  OUTLET_WORD,
} from "./patterns";

/** One logical line of the source, with a kind the source format already told us (HTML h1, figcaption…). */
export interface SourceLine {
  text: string;
  hint?: BlockKind;
}

/** A line's classification: one kind, or caption + credit sharing the line at `splitAt`. */
type Classified = { kind: BlockKind } | { kind: "caption+credit"; splitAt: number; creditFrom: number };

const HEAD_ZONE_LIMIT = 10;
const HEAD_KINDS = new Set<Classified["kind"]>(["dek", "caption", "credit", "byline", "caption+credit"]);

/**
 * Find the structure of a scraped news article: outlet line, headline, dek, image caption and
 * credit (also glued together as in "…White HouseAFP"), byline, body paragraphs and page junk.
 * Pure: lines in, canonical text and block offsets out. The text keeps its damage — fixing it is
 * the editor's job — so a glued caption and credit stay on one line as two adjacent blocks.
 */
export function parseStructure(lines: SourceLine[]): ParsedArticle {
  const kinds = classify(lines);
  let text = "";
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += line.text;
    const c = kinds[i];
    if (c.kind === "caption+credit") {
      blocks.push({ kind: "caption", start, end: start + c.splitAt });
      blocks.push({ kind: "credit", start: start + c.creditFrom, end: text.length });
    } else {
      blocks.push({ kind: c.kind, start, end: text.length });
    }
  });
  return { text, blocks };
}

function classify(lines: SourceLine[]): Classified[] {
  // A hinted caption may still carry its credit ("<figcaption>…HouseAFP</figcaption>").
  const out: (Classified | null)[] = lines.map((l) =>
    l.hint === "caption" ? (splitCaptionCredit(l.text) ?? { kind: "caption" }) : l.hint ? { kind: l.hint } : null,
  );
  const hinted = (kind: BlockKind) => out.some((c) => c?.kind === kind);

  // Page furniture anywhere, then residue at the end ("tracking", "share").
  lines.forEach((l, i) => {
    if (!out[i] && JUNK_LINE.test(l.text)) out[i] = { kind: "junk" };
  });
  for (let i = lines.length - 1; i > 0 && (!out[i] || out[i]!.kind === "junk"); i--) {
    if (!out[i] && isResidue(lines[i].text)) out[i] = { kind: "junk" };
    else if (!out[i]) break;
  }

  const open = () => lines.map((_, i) => i).filter((i) => !out[i]);
  let free = open();

  if (!hinted("outlet") && !hinted("headline") && free.length > 1 && isOutletLine(lines[free[0]].text, lines[free[1]].text)) {
    out[free[0]] = { kind: "outlet" };
    free = open();
  }

  let headlineAt = out.findIndex((c) => c?.kind === "headline");
  if (headlineAt < 0 && free.length > 0) {
    headlineAt = free[0];
    out[headlineAt] = { kind: "headline" };
  }

  // The head zone: lines between the headline and the body (dek, captions, credits, byline).
  // Candidates count only if something that can only be head matter (a byline or a credit) confirms
  // the zone, so an article that goes straight from headline to body keeps its first paragraph.
  const zone: { i: number; c: Classified; confirmed: boolean }[] = [];
  let bylineSeen = false;
  for (let i = headlineAt + 1; i < lines.length && i <= headlineAt + HEAD_ZONE_LIMIT; i++) {
    const known = out[i];
    if (known) {
      if (known.kind === "junk") continue;
      if (!HEAD_KINDS.has(known.kind)) break; // a hinted body line ends the head zone
      zone.push({ i, c: known, confirmed: true });
      if (known.kind === "byline") bylineSeen = true;
      continue;
    }
    const t = lines[i].text;
    const split = splitCaptionCredit(t);
    if (!bylineSeen && isByline(t)) {
      zone.push({ i, c: { kind: "byline" }, confirmed: true });
      bylineSeen = true;
    } else if (CREDIT_ONLY.test(t)) {
      zone.push({ i, c: { kind: "credit" }, confirmed: true });
    } else if (split) {
      zone.push({ i, c: split, confirmed: true });
    } else if (bylineSeen || isDatelineLede(t)) {
      // a dateline lede ("DALLAS (AP) — …") is where the story starts, as is anything after a byline
      break;
    } else if (zone.length === 0 && isSentence(t) && words(t) <= 60) {
      zone.push({ i, c: { kind: "dek" }, confirmed: false });
    } else if (words(t) <= 40 && !/[.!?]["”’]?$/.test(t)) {
      zone.push({ i, c: { kind: "caption" }, confirmed: false });
    } else {
      break;
    }
  }
  if (zone.some((z) => z.confirmed)) {
    // keep everything up to the last confirmed head line; later candidates are body
    const lastConfirmed = zone.map((z) => z.confirmed).lastIndexOf(true);
    zone.slice(0, lastConfirmed + 1).forEach((z) => (out[z.i] = z.c));
  } else if (zone[0]?.c.kind === "dek" && words(lines[zone[0].i].text) <= 35 && free.length >= 4) {
    out[zone[0].i] = { kind: "dek" };
  }

  return out.map((c, i) => c ?? { kind: i < headlineAt ? "junk" : "paragraph" });
}

const MAX_CAPTION_CHARS = 800;

/** Head-matter labels that look like a dateline ("FILE - The ferry docks…" opens an AP photo caption). */
const CAPTION_LABEL = /^(?:FILE|PHOTO|EDITOR['’]?S NOTE)\b/;

/**
 * A wire story's first paragraph, opened by its dateline: a sentence of some length, not a labelled
 * caption. Only its opening is matched (DATELINE is anchored and bounded, but a line can be 2 MB long).
 */
function isDatelineLede(t: string): boolean {
  const opening = t.slice(0, 120);
  return DATELINE.test(opening) && !CAPTION_LABEL.test(opening) && isSentence(t) && words(t) >= 8;
}

/** Caption and credit on one line, glued or separated; returns where the caption ends and the credit starts. */
function splitCaptionCredit(t: string): Classified | null {
  // a caption is a few lines of text; the credit patterns backtrack over runs of spaces, so a long
  // line (a hostile one: three words and 100,000 spaces) must not reach them at all
  if (t.length > MAX_CAPTION_CHARS || words(t) > 50) return null;
  const glued = CAPTION_GLUED_CREDIT.exec(t);
  if (glued && words(glued[1]) >= 2) {
    return { kind: "caption+credit", splitAt: glued[1].length, creditFrom: glued[1].length };
  }
  const separate = CAPTION_AGENCY_CREDIT.exec(t) ?? CAPTION_LABELLED_CREDIT.exec(t);
  if (separate && words(separate[1]) >= 2) {
    // Blocks may be separated only by whitespace, so separators stay with a block: a sentence's
    // period with the caption, "|", "/" or "(…)" with the credit ("| Reuters", "(AFP)").
    const captionEnd = separate[1].length + (t[separate[1].length] === "." ? 1 : 0);
    const creditFrom = captionEnd + /^\s*/.exec(t.slice(captionEnd))![0].length;
    return { kind: "caption+credit", splitAt: captionEnd, creditFrom };
  }
  return null;
}

function isOutletLine(first: string, next: string): boolean {
  if (words(first) > 8 || /[.!?]$/.test(first)) return false;
  if (DOMAIN.test(first)) return true;
  return words(first) <= 6 && OUTLET_WORD.test(first) && words(next) > words(first);
}

function isByline(t: string): boolean {
  if (/^by\s+\p{Lu}/iu.test(t) && words(t) <= 12) return true;
  const tokens = t.replace(/,$/, "").split(/\s+/);
  if (tokens.length < 2 || tokens.length > 6 || /[\d.!?:;"“”]/.test(t)) return false;
  let capitals = 0;
  for (const token of tokens) {
    if (/^\p{Lu}[\p{Ll}'’-]*\p{Ll}$|^\p{Lu}\.?$/u.test(token)) capitals++;
    else if (!NAME_PARTICLES.has(token.toLowerCase())) return false;
  }
  return capitals >= 2;
}

/** Residue a page leaves after its last paragraph: a word or two, lower case, no punctuation. */
function isResidue(t: string): boolean {
  return words(t) <= 3 && /^[\p{Ll}\d\s_-]+$/u.test(t);
}

function isSentence(t: string): boolean {
  return /[.!?]["”’)]?$/.test(t);
}

function words(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}
