import type { Block } from "@/lib/ingest/blocks";

/** A replacement of [start, end) of a revision's text; "" deletes, start === end inserts. UTF-16 offsets. */
export interface TextChange {
  id: string;
  start: number;
  end: number;
  replacement: string;
}

/**
 * Where an offset of the old text lands in the new text. `side` says what the offset is the edge of:
 * a range's "start" keeps to the text after it, its "end" to the text before it, so a range next to a
 * change keeps its own text and an insertion at its edge stays outside it; a range edge strictly inside
 * a change moves outwards to cover the whole replacement.
 */
export interface PositionMap {
  (offset: number, side: "start" | "end"): number;
}

export type ApplyResult =
  | { ok: true; text: string; blocks: Block[]; map: PositionMap }
  | { ok: false; conflicts: { a: string; b: string }[] };

/** One replacement in old-text offsets; `text` is what replaces [start, end). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

type Stick = "before" | "after";
/** Where an offset goes when it is strictly inside a replaced range, or exactly at an insertion point. */
interface Rule {
  inside: Stick;
  insertion: Stick;
}

const RANGE_START: Rule = { inside: "before", insertion: "after" };
const RANGE_END: Rule = { inside: "after", insertion: "before" };
// Blocks must cover every character: an insertion at a block's edge belongs to the block, and text
// replacing a block boundary goes to the earlier block (the later one starts after it).
const BLOCK_START: Rule = { inside: "after", insertion: "before" };
const BLOCK_END: Rule = { inside: "after", insertion: "after" };

/**
 * Apply approved changes to a revision's text and carry its blocks along. Every offset refers to the
 * original text, so the result is the same as applying the changes from the end to the start, and
 * the same whatever order they come in. Overlapping changes are a conflict: nothing is applied.
 * Throws for a range outside the text or one that splits a surrogate pair (a caller bug, not a user error).
 */
export function applyChanges(text: string, blocks: Block[], changes: TextChange[]): ApplyResult {
  for (const c of changes) assertValidChange(text, c);
  const sorted = [...changes].sort(byRange);
  const conflicts = findConflicts(sorted);
  if (conflicts.length > 0) return { ok: false, conflicts };

  const boundaries = blocks.flatMap((b) => [b.start, b.end]);
  // Narrowing elsewhere could turn a change inside a credit ("AFP" → "©AFP") into an insertion at the
  // point where the caption ends, and the caption would take it.
  const edits = sorted.flatMap((c) => (crossesBoundary(c, boundaries) ? narrow(text, c) : [asEdit(c)]));
  const changed = new EditMap(text, edits);
  const placed = placeBlocks(blocks, changed);
  const tidy = new EditMap(changed.newText, tidyEdits(changed.newText, placed, edgeWhitespace(text, blocks)));
  const kept = placed.filter((b) => b.end > b.start).map((b) => ({
    ...b,
    start: tidy.map(b.start, RANGE_START),
    end: tidy.map(b.end, RANGE_END),
  }));
  const map: PositionMap = (offset, side) => {
    const rule = side === "start" ? RANGE_START : RANGE_END;
    return tidy.map(changed.map(offset, rule), rule);
  };
  return { ok: true, text: tidy.newText, blocks: kept, map };
}

function assertValidChange(text: string, c: TextChange): void {
  const where = `change ${c.id} [${c.start}, ${c.end})`;
  if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.start > c.end || c.end > text.length) {
    throw new Error(`${where} is not a range inside the text (length ${text.length})`);
  }
  if (splitsSurrogatePair(text, c.start) || splitsSurrogatePair(text, c.end)) {
    throw new Error(`${where} splits a surrogate pair`);
  }
  if (typeof c.replacement !== "string") throw new Error(`${where} has no replacement text`);
}

function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

// An insertion sorts before a change starting at the same point; ids only make conflict reports stable.
function byRange(a: TextChange, b: TextChange): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function findConflicts(sorted: TextChange[]): { a: string; b: string }[] {
  const conflicts: { a: string; b: string }[] = [];
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length && sorted[j].start <= a.end; j++) {
      if (overlaps(a, sorted[j])) conflicts.push({ a: a.id, b: sorted[j].id });
    }
  });
  return conflicts;
}

/** Sharing a character, two insertions at one point, or an insertion strictly inside a range; touching is fine. */
function overlaps(a: TextChange, b: TextChange): boolean {
  const bothInsert = a.start === a.end && b.start === b.end;
  return bothInsert ? a.start === b.start : a.start < b.end && b.start < a.end;
}

function crossesBoundary(c: TextChange, sortedBoundaries: number[]): boolean {
  const i = firstIndex(sortedBoundaries.length, (k) => sortedBoundaries[k] > c.start);
  return i < sortedBoundaries.length && sortedBoundaries[i] < c.end;
}

/** The smallest index in [0, length) for which `test` holds, given it holds for a suffix; else length. */
function firstIndex(length: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const asEdit = (c: TextChange): Edit => ({ start: c.start, end: c.end, text: c.replacement });

/**
 * Shrink a change to the part that really differs, so a block boundary inside it lands between the
 * kept characters: "HouseAFP" → "House AFP" becomes an insertion of " " exactly at the caption's end.
 */
function narrow(text: string, c: TextChange): Edit[] {
  const old = text.slice(c.start, c.end);
  const next = c.replacement;
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix++;
  if (prefix > 0 && isHighSurrogate(old.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const room = Math.min(old.length, next.length) - prefix;
  while (suffix < room && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  if (suffix > 0 && isLowSurrogate(old.charCodeAt(old.length - suffix))) suffix--;
  const edit = { start: c.start + prefix, end: c.end - suffix, text: next.slice(prefix, next.length - suffix) };
  return edit.start === edit.end && edit.text === "" ? [] : [edit];
}

/** Sorted, non-overlapping edits of one text: the new text and how offsets move into it. */
class EditMap {
  readonly newText: string;
  private readonly newStarts: number[];

  constructor(
    private readonly oldText: string,
    private readonly edits: Edit[],
  ) {
    const parts: string[] = [];
    this.newStarts = [];
    let at = 0;
    let length = 0;
    for (const e of edits) {
      parts.push(oldText.slice(at, e.start));
      length += e.start - at;
      this.newStarts.push(length);
      parts.push(e.text);
      length += e.text.length;
      at = e.end;
    }
    parts.push(oldText.slice(at));
    this.newText = parts.join("");
  }

  map(offset: number, rule: Rule): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.oldText.length) {
      throw new RangeError(`offset ${offset} is outside the text (length ${this.oldText.length})`);
    }
    // Edits ending at the offset come first: an insertion there may decide before a change starting there.
    for (let i = firstIndex(this.edits.length, (k) => this.edits[k].end >= offset); i < this.edits.length; i++) {
      const e = this.edits[i];
      if (offset < e.start) return offset + this.newStarts[i] - e.start;
      const stick = e.start === e.end ? rule.insertion : offset === e.start ? "before" : offset === e.end ? "after" : rule.inside;
      if (stick === "before") return this.newStarts[i];
      if (offset < e.end) return this.newStarts[i] + e.text.length;
    }
    return offset + this.newText.length - this.oldText.length;
  }
}

/**
 * Blocks moved onto the edited text, each trimmed of whitespace and owning any stray text next to
 * it; a block whose text is gone comes back empty (end === start) for tidyEdits to remove.
 */
function placeBlocks(blocks: Block[], changed: EditMap): Block[] {
  let previousEnd = 0;
  const placed = blocks.map((b) => {
    // adjacent blocks (caption + credit) share a point; an insertion there already went to the earlier one
    const start = Math.max(changed.map(b.start, BLOCK_START), previousEnd);
    const end = Math.max(changed.map(b.end, BLOCK_END), start);
    previousEnd = end;
    return { ...b, start, end };
  });
  absorbStrayText(changed.newText, placed);
  return placed.map((b) => trim(changed.newText, b));
}

/** Blocks may have only whitespace between them, so replacement text that fell between two joins the earlier. */
function absorbStrayText(text: string, blocks: Block[]): void {
  if (blocks.length === 0) return;
  const lead = text.slice(0, blocks[0].start).search(/\S/);
  if (lead >= 0) blocks[0].start = lead;
  blocks.forEach((b, i) => {
    const gapEnd = i + 1 < blocks.length ? blocks[i + 1].start : text.length;
    const last = lastNonSpace(text, b.end, gapEnd);
    if (last >= 0) b.end = last + 1;
  });
}

function lastNonSpace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (/\S/.test(text[i])) return i;
  return -1;
}

function trim(text: string, b: Block): Block {
  let { start, end } = b;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { ...b, start, end };
}

function edgeWhitespace(text: string, blocks: Block[]): { lead: string; trail: string } {
  if (blocks.length === 0) return { lead: "", trail: "" };
  return { lead: text.slice(0, blocks[0].start), trail: text.slice(blocks[blocks.length - 1].end) };
}

/**
 * Where emptied blocks are dropped, the whitespace around them collapses into one separator, so
 * deleting a block leaves one blank line between its neighbours, and the text's edges as they were.
 */
function tidyEdits(text: string, placed: Block[], edges: { lead: string; trail: string }): Edit[] {
  const edits: Edit[] = [];
  let lastKeptEnd: number | null = null;
  let dropped = false;
  const collapse = (start: number, end: number, separator: string) => {
    if (text.slice(start, end) !== separator) edits.push({ start, end, text: separator });
  };
  for (const b of placed) {
    if (b.end === b.start) {
      dropped = true;
      continue;
    }
    if (dropped) collapse(lastKeptEnd ?? 0, b.start, lastKeptEnd === null ? edges.lead : separatorFor(text.slice(lastKeptEnd, b.start)));
    lastKeptEnd = b.end;
    dropped = false;
  }
  if (dropped) collapse(lastKeptEnd ?? 0, text.length, lastKeptEnd === null ? "" : edges.trail);
  return edits;
}

/** Blocks on separate lines keep one blank line between them; blocks sharing a line (caption + credit) keep one space. */
function separatorFor(gap: string): string {
  if (gap.includes("\n")) return "\n\n";
  return gap === "" ? "" : " ";
}
