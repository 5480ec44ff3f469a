"use client";

import { useState, type RefObject } from "react";
import { selectionOffsets } from "./selection";

/** What the annotation form is doing: nothing, marking a new range, editing a mark, or accepting a suggestion. */
export type FormMode =
  | { kind: "idle" }
  | { kind: "create"; start: number; end: number }
  | { kind: "edit"; id: string }
  | { kind: "accept"; id: string };

/**
 * The editor's selection in the text (mouse, Shift+arrows, or Find) becomes a new mark's range;
 * Edit and Accept… open the same form on an existing mark, inside its card.
 */
export function useAnnotationSelection({ enabled, textRef, text, onOpen }: { enabled: boolean; textRef: RefObject<HTMLDivElement | null>; text: string; onOpen: () => void }) {
  const [mode, setMode] = useState<FormMode>({ kind: "idle" });

  function open(next: FormMode) {
    onOpen();
    setMode(next);
  }

  function onSelectionEnd() {
    if (!enabled || !textRef.current) return;
    const range = selectionOffsets(textRef.current, text);
    if (range) open({ kind: "create", ...range });
  }

  function close() {
    setMode({ kind: "idle" });
  }

  return {
    mode,
    onSelectionEnd,
    markRange: (start: number, end: number) => open({ kind: "create", start, end }),
    edit: (id: string) => open({ kind: "edit", id }),
    acceptWithEdit: (id: string) => open({ kind: "accept", id }),
    close,
    closeAfterSave: () => {
      close();
      window.getSelection()?.removeAllRanges();
    },
  };
}
