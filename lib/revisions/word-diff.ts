import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * What one diff may cost. jsdiff's Myers algorithm grows with the text times the edits, so two texts
 * far apart (a 60 KB paragraph replaced by 10,000 other characters) took 38 s of the server's thread,
 * on every render of the article page. Past the budget a stretch is shown as removed and added whole.
 */
export const DIFF_BUDGET_MS = 150;

/**
 * Word-level diff (jsdiff), whitespace kept so a restored missing space shows as a change. Paragraphs
 * are compared first and words only within the paragraphs that changed: the words of a long article
 * with a few edits cost about what its length does, not its length times its edits.
 */
export function wordDiff(before: string, after: string, budgetMs = DIFF_BUDGET_MS): DiffPart[] {
  const deadline = performance.now() + budgetMs;
  const left = () => Math.max(1, deadline - performance.now());
  const paragraphs = diffLines(before, after, { timeout: left() }) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed || added) {
      const words = deadline > performance.now() ? diffWordsWithSpace(removed, added, { timeout: left() }) : undefined;
      if (words) parts.push(...words.map(part));
      else parts.push(...whole(removed, added));
    }
    removed = added = "";
  };
  for (const p of paragraphs) {
    if (p.removed) removed += p.value;
    else if (p.added) added += p.value;
    else {
      flush();
      parts.push({ value: p.value });
    }
  }
  flush();
  return mergeEdits(parts);
}

const part = (p: ChangeObject<string>): DiffPart => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined });

/** A stretch too costly to compare word by word: what it was, then what it is. */
function whole(removed: string, added: string): DiffPart[] {
  return [...(removed ? [{ value: removed, removed: true }] : []), ...(added ? [{ value: added, added: true }] : [])];
}

/**
 * jsdiff reports "thecapture" → "the capture" as -thecapture +the, " ", +capture. A reader wants one
 * edit: fold whitespace kept between two edits into both sides and emit one removal and one addition.
 */
function mergeEdits(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ value: removed, removed: true });
    if (added) out.push({ value: added, added: true });
    removed = added = "";
  };
  parts.forEach((p, i) => {
    const next = parts[i + 1];
    if (p.removed) removed += p.value;
    else if (p.added) added += p.value;
    else if ((removed || added) && /^\s+$/.test(p.value) && (next?.added || next?.removed)) {
      removed += p.value;
      added += p.value;
    } else {
      flush();
      out.push(p);
    }
  });
  flush();
  return out;
}

/** Keep only changes and a few words of context around them; long unchanged runs become "…". */
export function compactDiff(parts: DiffPart[], context = 60): DiffPart[] {
  return parts.map((p, i) => {
    if (p.added || p.removed || p.value.length <= context * 2) return p;
    const head = i === 0 ? "" : p.value.slice(0, context);
    const tail = i === parts.length - 1 ? "" : p.value.slice(-context);
    return { value: `${head} … ${tail}` };
  });
}
