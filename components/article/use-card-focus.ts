"use client";

import { useEffect, useRef, useState, useTransition, type RefObject } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";

const INITIAL_CARDS = 150;
const CARD_BATCH = 200;

/**
 * Which annotation is active, kept in step between the text and the panel: activating a highlight
 * scrolls to and focuses its card, activating a card scrolls the text to its badge, j/k move both.
 * A long investigation has thousands of cards: the first ones render with the page, the rest in
 * background batches, so the text and panel are usable at once (measured by bench/scale.ts).
 */
export function useCardFocus({
  placed,
  order,
  textRef,
  onActivated,
}: {
  /** cards in the list, in text order */
  placed: AnnotationView[];
  /** every card j/k visits, in order */
  order: string[];
  textRef: RefObject<HTMLDivElement | null>;
  onActivated: (id: string) => void;
}) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [cardLimit, setCardLimit] = useState(INITIAL_CARDS);
  const [, startCardTransition] = useTransition();
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const focusWhenShown = useRef<string | null>(null);

  useEffect(() => {
    if (cardLimit >= placed.length) return;
    const t = setTimeout(() => startCardTransition(() => setCardLimit((n) => n + CARD_BATCH)), 0);
    return () => clearTimeout(t);
  }, [cardLimit, placed.length]);
  useEffect(() => {
    const id = focusWhenShown.current;
    const card = id ? cardRefs.current.get(id) : undefined;
    if (!card) return;
    focusWhenShown.current = null;
    focusCard(card);
  });

  function activate(id: string, from: "text" | "panel" | "keys") {
    setActiveId(id);
    onActivated(id);
    if (from !== "panel") {
      // the card may not be rendered yet on a long article: show up to it, then focus it
      focusWhenShown.current = id;
      const index = placed.findIndex((x) => x.id === id);
      if (index >= cardLimit) setCardLimit(index + 1);
      const card = cardRefs.current.get(id);
      if (card) {
        focusWhenShown.current = null;
        focusCard(card);
      }
    }
    if (from !== "text") textRef.current?.querySelector(`[data-badge="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function move(step: number) {
    if (order.length === 0) return;
    const at = activeId ? order.indexOf(activeId) : -1;
    activate(order[(at + step + order.length) % order.length], "keys");
  }

  const registerCard = (id: string) => (el: HTMLElement | null) => {
    if (el) cardRefs.current.set(id, el);
    else cardRefs.current.delete(id);
  };

  return { activeId, setActiveId, activate, move, registerCard, cardLimit };
}

function focusCard(card: HTMLElement) {
  card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  card.focus({ preventScroll: true });
}
