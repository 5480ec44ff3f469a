"use client";

import { useState, type ReactNode } from "react";
import type { ArticleView } from "@/lib/articles/get-article";
import { AttributionView } from "./AttributionView";
import { KeyboardHelp } from "./KeyboardHelp";

interface AnnotationPanelProps {
  article: ArticleView;
  count: number;
  reviewer: boolean;
  helpOpen: boolean;
  onHelp: (open: boolean) => void;
  /** the attribution view asks the text to show a quote */
  onShowQuote?: (start: number, end: number) => void;
  /** the checks bar, above the tabs */
  checks: ReactNode;
  /** the annotations tab: forms, notices, bulk decisions and the cards */
  children: ReactNode;
}

/** The right-hand panel: checks, the keys, and two tabs — annotations and attribution. */
export function AnnotationPanel({ article, count, reviewer, helpOpen, onHelp, onShowQuote, checks, children }: AnnotationPanelProps) {
  const [tab, setTab] = useState<"annotations" | "attribution">("annotations");
  return (
    <aside aria-label="Annotations" className="space-y-3 lg:col-span-5">
      <div className="lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:space-y-3 lg:overflow-y-auto lg:pr-1">
        {checks}
        <p className="text-xs text-stone-600">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> {reviewer ? "approve" : "accept"}, <kbd>r</kbd> {reviewer ? "reject" : "dismiss"}, <kbd>e</kbd> edit,{" "}
          <button type="button" className="underline" onClick={() => onHelp(true)}>
            <kbd>?</kbd> all keys
          </button>
        </p>
        {helpOpen && <KeyboardHelp onClose={() => onHelp(false)} reviewer={reviewer} />}
        <div role="tablist" aria-label="Panel views" className="flex gap-1 border-b border-stone-300">
          {(
            [
              ["annotations", `Annotations (${count})`],
              ["attribution", `Attribution (${article.checks.quotes.length})`],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              onClick={() => setTab(id)}
              className={`-mb-px rounded-t border px-3 py-1 text-sm font-medium ${tab === id ? "border-stone-300 border-b-white bg-white" : "border-transparent text-stone-700"}`}
            >
              {label}
            </button>
          ))}
        </div>
        {tab === "attribution" && (
          <div role="tabpanel" id="panel-attribution" aria-labelledby="tab-attribution">
            <AttributionView quotes={article.checks.quotes} onShow={article.checks.current ? onShowQuote : undefined} />
          </div>
        )}
        {tab === "annotations" && (
          <div role="tabpanel" id="panel-annotations" aria-labelledby="tab-annotations" className="space-y-3">
            {children}
          </div>
        )}
      </div>
    </aside>
  );
}
