import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** Word-level diff (jsdiff), whitespace kept so a restored missing space shows as a change. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return mergeEdits(diffWordsWithSpace(before, after).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined })));
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
