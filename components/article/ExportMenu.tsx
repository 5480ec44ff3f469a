"use client";

import { useEffect, useRef } from "react";

const FORMATS = [
  ["txt", "Plain text"],
  ["md", "Markdown"],
  ["html", "HTML"],
  ["changes.md", "Change report (Markdown)"],
  ["changes.csv", "Change report (CSV)"],
] as const;

/**
 * The article's downloads. A disclosure (works without JavaScript) that also closes as menus do:
 * on Escape (focus back on its button) and on a click anywhere else.
 */
export function ExportMenu({ articleId }: { articleId: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false;
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, []);
  return (
    <details
      ref={menu}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !menu.current?.open) return;
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="cursor-pointer text-blue-900 underline">Export</summary>
      <ul className="absolute right-0 z-10 mt-1 w-48 rounded border border-stone-300 bg-white p-2 shadow">
        {FORMATS.map(([format, label]) => (
          <li key={format}>
            <a href={`/articles/${articleId}/export/${format}`} className="block py-0.5 text-blue-900 underline">
              {label}
            </a>
          </li>
        ))}
        <li>
          {/* a file like the others, not JSON shown in the tab */}
          <a href={`/api/articles/${articleId}/annotations`} download={`annotations-${articleId}.jsonld`} className="block py-0.5 text-blue-900 underline">
            Annotations (W3C JSON-LD)
          </a>
        </li>
      </ul>
    </details>
  );
}
