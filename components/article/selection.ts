/**
 * Map the browser's selection to offsets in the revision text. Every text piece is rendered in a
 * span carrying `data-start` (its offset in the canonical text) and holding one text node, so a
 * DOM point inside it maps exactly; points elsewhere (labels, badges, gaps) snap to the nearest
 * text piece. Offsets are UTF-16 indices, the same unit the server stores.
 */
export function selectionOffsets(root: HTMLElement, text: string): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  let start = pointToOffset(root, range.startContainer, range.startOffset, "start");
  let end = pointToOffset(root, range.endContainer, range.endOffset, "end");
  if (start === null || end === null) return null;
  // copy editors double-click words; browsers add the trailing space — trim it off
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

function pointToOffset(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  const host = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = host?.closest<HTMLElement>("[data-start]");
  if (piece && root.contains(piece)) {
    const base = Number(piece.dataset.start);
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    return offset === 0 ? base : base + (piece.textContent?.length ?? 0);
  }
  const pieces = Array.from(root.querySelectorAll<HTMLElement>("[data-start]"));
  if (pieces.length === 0) return null;
  const probe = document.createRange();
  for (let i = 0; i < pieces.length; i++) {
    probe.selectNodeContents(pieces[i]);
    if (probe.comparePoint(node, offset) < 0) {
      // the point lies before this piece: a start snaps forward, an end snaps back to the previous piece
      if (edge === "start" || i === 0) return Number(pieces[i].dataset.start);
      const prev = pieces[i - 1];
      return Number(prev.dataset.start) + (prev.textContent?.length ?? 0);
    }
  }
  const last = pieces[pieces.length - 1];
  return Number(last.dataset.start) + (last.textContent?.length ?? 0);
}
