"use client";

import { forwardRef, type ReactNode } from "react";
import { BLOCK_KINDS, BLOCK_LABELS, type Block, type BlockKind } from "@/lib/ingest/blocks";
import { CATEGORY_LABELS } from "@/lib/annotations/categories";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { isDeletion, markState, stateLabel } from "@/lib/annotations/mark-state";
import { segmentsFor, withBadgeEnds } from "./segments";

interface ArticleTextProps {
  text: string;
  blocks: Block[];
  /** marks drawn in the text: open, handled, and the changes applied into this revision */
  annotations: AnnotationView[];
  activeId: string | null;
  onActivate: (id: string) => void;
  /** present in *Edit structure* mode: each block's label becomes a kind selector */
  onChangeKind?: (position: number, kind: BlockKind) => void;
  /** a selection made by mouse or keyboard ended (mouseup / keyup) */
  onSelectionEnd: () => void;
  draft: { start: number; end: number } | null;
}

const KIND_CLASS: Record<BlockKind, string> = {
  outlet: "text-xs uppercase tracking-widest text-stone-600",
  headline: "font-serif text-3xl font-bold leading-tight",
  dek: "font-serif text-lg italic text-stone-800",
  caption: "text-sm text-stone-700",
  credit: "text-xs font-semibold uppercase text-stone-600",
  byline: "text-sm font-semibold",
  paragraph: "font-serif text-lg leading-relaxed",
  junk: "text-sm text-stone-600 line-through",
};

const BADGE_CLASS = {
  open: "border-stone-500 bg-white text-stone-800",
  handled: "border-dashed border-stone-400 bg-white text-stone-500",
  applied: "border-green-800 bg-green-50 text-green-900",
} as const;

/** The revision text, block by block, with highlights. Offsets live on `data-start` of every text piece. */
export const ArticleText = forwardRef<HTMLDivElement, ArticleTextProps>(function ArticleText(
  { text, blocks, annotations, activeId, onActivate, onChangeKind, onSelectionEnd, draft },
  ref,
) {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const ranges = withBadgeEnds([...annotations.map((a) => ({ id: a.id, start: a.start, end: a.end })), ...(draft ? [{ id: "draft", ...draft }] : [])], blocks);

  return (
    <div
      ref={ref}
      className="space-y-4 rounded border border-stone-300 bg-white p-6"
      onMouseUp={onSelectionEnd}
      onKeyUp={(e) => {
        if (e.shiftKey || e.key === "Shift") onSelectionEnd();
      }}
      aria-label="Article text"
      role="region"
    >
      {blocks.map((block, position) => {
        const Tag = block.kind === "headline" ? "h1" : "p";
        const pieces: ReactNode[] = [];
        for (const seg of segmentsFor(block.start, block.end, ranges)) {
          const real = seg.covering.filter((id) => id !== "draft");
          const inner = real[0] ? byId.get(real[0]) : undefined;
          const classes = [
            inner && `mark mark-${inner.category} mark-${markState(inner.status)}`,
            real.length > 1 && "mark-multi",
            activeId && real.includes(activeId) && "mark-active",
            seg.covering.includes("draft") && "bg-sky-200",
          ]
            .filter(Boolean)
            .join(" ");
          pieces.push(
            <span
              key={`s${seg.start}`}
              data-start={seg.start}
              data-annotations={real.join(" ") || undefined}
              data-state={inner ? markState(inner.status) : undefined}
              className={classes || undefined}
              onClick={inner ? () => onActivate(activeId && real.includes(activeId) ? cycle(real, activeId) : inner.id) : undefined}
            >
              {text.slice(seg.start, seg.end)}
            </span>,
          );
          for (const id of seg.endingHere) {
            const a = byId.get(id);
            if (a) pieces.push(<Badge key={`b${id}`} annotation={a} active={activeId === id} onActivate={() => onActivate(id)} />);
          }
        }
        return (
          // on a phone the block's label goes above its text, which keeps the width a line needs
          <div key={position} className="flex flex-col gap-1 sm:flex-row sm:gap-3" data-block-kind={block.kind}>
            <div className="shrink-0 select-none pt-1 sm:w-24">
              {onChangeKind ? (
                <>
                  <label htmlFor={`block-kind-${position}`} className="sr-only">
                    Kind of block {position + 1}
                  </label>
                  <select
                    id={`block-kind-${position}`}
                    value={block.kind}
                    onChange={(e) => onChangeKind(position, e.target.value as BlockKind)}
                    className="w-full rounded border border-stone-300 bg-stone-50 text-xs text-stone-700"
                  >
                    {BLOCK_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {BLOCK_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                <span className="text-[11px] font-medium uppercase tracking-wide text-stone-500">{BLOCK_LABELS[block.kind]}</span>
              )}
            </div>
            <Tag className={`min-w-0 flex-1 whitespace-pre-wrap break-words ${KIND_CLASS[block.kind]}`}>{pieces}</Tag>
          </div>
        );
      })}
    </div>
  );
});

/** The numbered badge after a mark: its state in shape and words (✓ applied, dashed handled), a deletion as a question. */
function Badge({ annotation: a, active, onActivate }: { annotation: AnnotationView; active: boolean; onActivate: () => void }) {
  const state = markState(a.status);
  const deletion = isDeletion(a) && state !== "applied";
  const kind = a.status === "suggested" ? "Suggestion" : "Annotation";
  return (
    <button
      type="button"
      data-badge={a.id}
      data-state={state}
      className={`mx-0.5 rounded-full border px-1.5 align-super font-sans text-[10px] font-bold leading-4 ${BADGE_CLASS[state]} ${active ? "ring-2 ring-blue-700" : ""}`}
      aria-label={`${kind} ${a.number}: ${CATEGORY_LABELS[a.category]}, ${stateLabel(a.status)}${deletion ? ", proposed deletion" : ""}. Show its card.`}
      onClick={onActivate}
    >
      {state === "applied" && <span aria-hidden="true">✓ </span>}
      {a.number}
      {deletion && <span className={`ml-1 font-semibold ${state === "open" ? "text-red-800" : "text-stone-500"}`}>delete?</span>}
    </button>
  );
}

/** Clicking an already-active overlap moves to the next annotation under the pointer. */
function cycle(ids: string[], current: string): string {
  return ids[(ids.indexOf(current) + 1) % ids.length];
}
