import { ANNOTATION_CATEGORIES, type AnnotationCategory } from "@/lib/annotations/categories";

/**
 * The expected-findings files (../shared/fixtures/*.expected.json, prisma/samples/*.expected.json):
 * what a copy editor marks in an article, located by exact text rather than offsets.
 */
export interface ExpectedDefect {
  id: string;
  category: string;
  exact: string;
  /** the nth occurrence of `exact`, counting from 1; any occurrence when absent */
  occurrence?: number;
  fix: string;
  required: boolean;
}

export interface ExpectedFindings {
  defects: ExpectedDefect[];
  quotes: Array<{ quote: string; speaker: string | null; note?: string }>;
  notQuotes: string[];
  mustNotFlagAsMisspelled: string[];
}

export interface Marked {
  category: AnnotationCategory;
  start: number;
  end: number;
}

/** The files write "missing-space"; the annotation categories use "missing_space". */
export function categoryOf(name: string): AnnotationCategory {
  const category = name.replace(/-/g, "_");
  if (!(ANNOTATION_CATEGORIES as readonly string[]).includes(category)) throw new Error(`unknown category ${name}`);
  return category as AnnotationCategory;
}

function occurrences(text: string, exact: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) out.push([at, at + exact.length]);
  return out;
}

/** Where a defect is in `text`: its nth occurrence, or all of them. */
export function locate(text: string, defect: ExpectedDefect): Array<[number, number]> {
  const all = occurrences(text, defect.exact);
  if (all.length === 0) throw new Error(`expected text not in the article: ${defect.exact}`);
  return defect.occurrence ? [all[defect.occurrence - 1]] : all;
}

const overlaps = (m: Marked, [start, end]: [number, number]) => m.start < end && m.end > start;

export interface Score<M extends Marked> {
  found: string[];
  missedRequired: string[];
  /** findings matching no listed defect (same category, overlapping its text) */
  falsePositives: M[];
}

export function scoreFindings<M extends Marked>(text: string, expected: ExpectedFindings, marks: M[]): Score<M> {
  const located = expected.defects.map((d) => ({ d, category: categoryOf(d.category), ranges: locate(text, d) }));
  const matches = (m: M, l: (typeof located)[number]) => m.category === l.category && l.ranges.some((r) => overlaps(m, r));
  const found = located.filter((l) => marks.some((m) => matches(m, l))).map((l) => l.d.id);
  return {
    found,
    missedRequired: located.filter((l) => l.d.required && !found.includes(l.d.id)).map((l) => l.d.id),
    falsePositives: marks.filter((m) => !located.some((l) => matches(m, l))),
  };
}

/** Words from `mustNotFlagAsMisspelled` that a typo finding covers. */
export function flaggedNames(text: string, expected: ExpectedFindings, marks: Marked[]): string[] {
  const typos = marks.filter((m) => m.category === "typo").map((m) => text.slice(m.start, m.end));
  return expected.mustNotFlagAsMisspelled.filter((w) => typos.some((t) => t === w || t.includes(w) || w.includes(t)));
}

export interface Attributed {
  quote: string;
  speaker: string | null;
}

/** Expected quotes given the expected speaker; a quote listed by its opening words matches the whole quotation. */
export function scoreQuotes(expected: ExpectedFindings, quotes: Attributed[]) {
  const same = (a: string | null, b: string | null) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
  const right = expected.quotes.filter((e) => {
    const mine = quotes.filter((q) => q.quote.trim().startsWith(e.quote.trim()));
    return mine.length > 0 && mine.every((q) => same(q.speaker, e.speaker));
  });
  return {
    right: right.map((e) => e.quote),
    wrong: expected.quotes.filter((e) => !right.includes(e)).map((e) => e.quote),
    treatedAsQuotes: expected.notQuotes.filter((n) => quotes.some((q) => q.quote.trim() === n)),
  };
}
