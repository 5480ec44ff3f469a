"use client";

import { useEffect, useRef } from "react";

/**
 * Single-key shortcuts for the review panel. Ignored while typing in a field or with a modifier
 * held, so they never steal a letter from a form.
 */
export function useShortcuts(map: Record<string, () => void>) {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const run = latest.current[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
