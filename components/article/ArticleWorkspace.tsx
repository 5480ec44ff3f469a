"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import {
  acceptSuggestionAction,
  changeBlockKindAction,
  createAnnotationAction,
  deleteAnnotationAction,
  dismissSuggestionAction,
  recheckAction,
  updateAnnotationAction,
} from "@/app/articles/[id]/actions";
import {
  approveArticleAction,
  approveChangesAction,
  rejectChangeAction,
  requestArticleChangesAction,
  requestChangesAction,
  resolveNoteAction,
  submitForReviewAction,
  waiveFindingAction,
} from "@/app/articles/[id]/review-actions";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ArticleView } from "@/lib/articles/get-article";
import type { ActionError, ActionResult } from "@/lib/errors";
import type { BlockKind } from "@/lib/ingest/blocks";
import { wroteChange } from "@/lib/review/review-rules";
import { allowedActions, type DeskActions, type Who } from "@/lib/workflow/rules";
import { DRAWN, PENDING, isIn } from "@/lib/workflow/statuses";
import { AnnotationCard } from "./AnnotationCard";
import { AnnotationForm, type AnnotationFormValues } from "./AnnotationForm";
import { ArticleStatusBar } from "./ArticleStatusBar";
import { ArticleText } from "./ArticleText";
import { AttributionView } from "./AttributionView";
import { BulkApprove } from "./BulkApprove";
import { ChecksBar } from "./ChecksBar";
import { CommentThread } from "./CommentThread";
import { FindToMark } from "./FindToMark";
import { KeyboardHelp } from "./KeyboardHelp";
import { ReviewControls, type ReviewDecision } from "./ReviewControls";
import { selectionOffsets } from "./selection";
import { useShortcuts } from "./use-shortcuts";

interface ArticleWorkspaceProps {
  article: ArticleView;
  actor: Who;
  /** what the lifecycle (lib/workflow) lets this person do to the article now */
  can: DeskActions;
}

type Mode =
  | { kind: "idle" }
  | { kind: "create"; start: number; end: number }
  | { kind: "edit"; id: string }
  | { kind: "accept"; id: string };

const INITIAL_CARDS = 150;
const CARD_BATCH = 200;

/** The article page: text on the left, annotation panel on the right, kept in step both ways. */
export function ArticleWorkspace({ article, actor, can }: ArticleWorkspaceProps) {
  const router = useRouter();
  const [annotations, setAnnotations] = useState(article.annotations);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [error, setError] = useState<ActionError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [tab, setTab] = useState<"annotations" | "attribution">("annotations");
  const [shown, setShown] = useState<{ start: number; end: number } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const text = article.revision.text;

  // a server refresh (after any save, or a new revision) is the source of truth
  useEffect(() => setAnnotations(article.annotations), [article.annotations]);
  // marks the page interactive for tests and the scale benchmark
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // A long investigation has thousands of cards: render the first ones with the page, the rest in
  // background batches, so the text and panel are usable at once (measured by bench/scale.ts).
  const [cardLimit, setCardLimit] = useState(INITIAL_CARDS);
  const [, startCardTransition] = useTransition();
  const focusWhenShown = useRef<string | null>(null);

  const placed = useMemo(() => annotations.filter((a) => isIn(DRAWN, a.status)), [annotations]);
  const orphans = useMemo(() => annotations.filter((a) => a.status === "orphaned"), [annotations]);
  const numbers = useMemo(() => new Map(annotations.map((a, i) => [a.id, i + 1])), [annotations]);
  // the page offers exactly what the server's lifecycle table allows, so a button shown is a button that works
  const allowed = (a: AnnotationView) => allowedActions(actor, article, a);
  const canChange = (a: AnnotationView) => allowed(a).includes("edit");
  const pendingCount = annotations.filter((a) => isIn(PENDING, a.status)).length;
  const reviewable = can.review && article.status === "in_review";
  // four-eyes: the author and whoever last rewrote a change may not decide it (the server refuses too)
  const wrote = (a: AnnotationView) => wroteChange(actor, a);
  const approvable = annotations.filter((a) => a.status === "proposed" && a.replacement !== null && !wrote(a));
  const suggestions = annotations.filter((a) => a.status === "suggested").length;

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
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    card.focus({ preventScroll: true });
  });

  function announce(message: string) {
    setAnnouncement(message);
  }

  function activate(id: string, from: "text" | "panel" | "keys") {
    setActiveId(id);
    const a = annotations.find((x) => x.id === id);
    if (a) announce(`${a.status === "suggested" ? "Suggestion" : "Annotation"} ${numbers.get(id)}: ${a.category.replace("_", " ")}, “${a.exact.slice(0, 60)}”, ${a.status.replace("_", " ")}.`);
    if (from !== "panel") {
      // the card may not be rendered yet on a long article: show up to it, then focus it
      focusWhenShown.current = id;
      const index = placed.findIndex((x) => x.id === id);
      if (index >= cardLimit) setCardLimit(index + 1);
      const card = cardRefs.current.get(id);
      if (card) {
        focusWhenShown.current = null;
        card.scrollIntoView({ block: "nearest", behavior: "smooth" });
        card.focus({ preventScroll: true });
      }
    }
    if (from !== "text") textRef.current?.querySelector(`[data-badge="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  /** Run a server action; on success announce and refresh, on failure show the error (inputs stay). */
  function act<T>(run: () => Promise<ActionResult<T>>, done: (data: T) => string | void) {
    startTransition(async () => {
      const result = await run();
      if (!result.ok) return setError(result.error);
      setError(null);
      const message = done(result.data);
      if (message) announce(message);
      router.refresh();
    });
  }

  function onSelectionEnd() {
    if (!can.annotate || !textRef.current) return;
    const range = selectionOffsets(textRef.current, text);
    if (range) {
      setError(null);
      setMode({ kind: "create", ...range });
    }
  }

  function save(values: AnnotationFormValues) {
    const target = mode.kind === "edit" || mode.kind === "accept" ? annotations.find((a) => a.id === mode.id) : undefined;
    act(
      () =>
        mode.kind === "create"
          ? createAnnotationAction({ articleId: article.id, revisionId: article.revision.id, start: mode.start, end: mode.end, ...values })
          : (mode.kind === "edit" ? updateAnnotationAction : acceptSuggestionAction)({ id: target?.id, version: target?.version, ...values }),
      (saved) => {
        setAnnotations((list) => sortAnnotations([...list.filter((a) => a.id !== saved.id), saved]));
        setMode({ kind: "idle" });
        window.getSelection()?.removeAllRanges();
        setActiveId(saved.id);
        return `Annotation saved: ${saved.category.replace("_", " ")}.`;
      },
    );
  }

  function remove(a: AnnotationView) {
    if (!window.confirm(`Delete annotation ${numbers.get(a.id)} (“${a.exact.slice(0, 40)}”)?`)) return;
    act(
      () => deleteAnnotationAction({ id: a.id, version: a.version }),
      () => {
        setAnnotations((list) => list.filter((x) => x.id !== a.id));
        return "Annotation deleted.";
      },
    );
  }

  function dismiss(a: AnnotationView) {
    act(
      () => dismissSuggestionAction({ id: a.id, version: a.version }),
      () => {
        setAnnotations((list) => list.filter((x) => x.id !== a.id));
        return `Suggestion dismissed: ${a.category.replace("_", " ")}.`;
      },
    );
  }

  function approve(ids: string[]) {
    const decisions = ids.map((id) => ({ id, version: annotations.find((a) => a.id === id)!.version }));
    act(
      () => approveChangesAction({ articleId: article.id, decisions }),
      (outcome) => {
        setSelected([]);
        return `Approved and applied ${outcome.applied} change${outcome.applied === 1 ? "" : "s"}: revision ${outcome.number}${outcome.orphaned ? `, ${outcome.orphaned} annotation(s) could not be re-anchored` : ""}.`;
      },
    );
  }

  function decide(a: AnnotationView, d: ReviewDecision) {
    const ref = { articleId: article.id, id: a.id, version: a.version };
    if (d.kind === "approve") return approve([a.id]);
    if (d.kind === "dismiss") return dismiss(a);
    setRejecting(null);
    act(
      () =>
        d.kind === "reject"
          ? rejectChangeAction({ ...ref, reason: d.reason })
          : d.kind === "request"
            ? requestChangesAction({ ...ref, comment: d.comment })
            : d.kind === "waive"
              ? waiveFindingAction({ ...ref, reason: d.reason })
              : resolveNoteAction(ref),
      (r) => `${a.status === "suggested" ? "Finding" : "Change"} ${numbers.get(a.id)} ${r.status.replace("_", " ")}.`,
    );
  }

  function changeKind(position: number, kind: BlockKind) {
    act(
      () => changeBlockKindAction({ articleId: article.id, revisionId: article.revision.id, position, kind }),
      () => `Block ${position + 1} is now ${kind}.`,
    );
  }

  // keyboard-first review: j/k move, a approve/accept, r reject/dismiss, e edit, ? help
  const order = useMemo(() => [...placed, ...orphans].map((a) => a.id), [placed, orphans]);
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    a: () => {
      const a = current();
      if (!a) return;
      if (allowed(a).includes("approve")) approve([a.id]);
      else if (allowed(a).includes("accept")) setMode({ kind: "accept", id: a.id });
    },
    r: () => {
      const a = current();
      if (!a) return;
      if (allowed(a).includes("reject")) setRejecting(a.id);
      else if (allowed(a).includes("dismiss")) dismiss(a);
    },
    e: () => {
      const a = current();
      if (a && canChange(a)) setMode({ kind: "edit", id: a.id });
    },
    "?": () => setHelpOpen((open) => !open),
  });
  function current() {
    return annotations.find((a) => a.id === activeId);
  }
  function move(step: number) {
    if (order.length === 0) return;
    const at = activeId ? order.indexOf(activeId) : -1;
    activate(order[(at + step + order.length) % order.length], "keys");
  }

  const editing = mode.kind === "edit" || mode.kind === "accept" ? annotations.find((a) => a.id === mode.id) : undefined;

  const card = (a: AnnotationView) => (
    <li key={a.id}>
      <AnnotationCard
        ref={(el) => {
          if (el) cardRefs.current.set(a.id, el);
          else cardRefs.current.delete(a.id);
        }}
        annotation={a}
        number={numbers.get(a.id)!}
        active={activeId === a.id}
        canChange={canChange(a)}
        canDelete={allowed(a).includes("delete")}
        onActivate={() => activate(a.id, "panel")}
        onEdit={() => {
          setError(null);
          setMode({ kind: "edit", id: a.id });
        }}
        onDelete={() => remove(a)}
        onAccept={allowed(a).includes("accept") ? () => (setError(null), setMode({ kind: "accept", id: a.id })) : undefined}
        onDismiss={allowed(a).includes("accept") && allowed(a).includes("dismiss") ? () => dismiss(a) : undefined}
      >
        {reviewable && (
          <ReviewControls
            key={`${a.id}-${rejecting === a.id}`}
            annotation={a}
            number={numbers.get(a.id)!}
            allowed={allowed(a)}
            ownChange={wrote(a)}
            pending={pending}
            selected={selected.includes(a.id)}
            onSelect={(on) => setSelected((list) => (on ? [...list, a.id] : list.filter((x) => x !== a.id)))}
            onDecide={(d) => decide(a, d)}
            openReject={rejecting === a.id}
          />
        )}
        {a.status !== "suggested" && <CommentThread articleId={article.id} annotation={a} canComment={can.comment} />}
      </AnnotationCard>
    </li>
  );

  return (
    <>
      <ArticleStatusBar
        articleId={article.id}
        status={article.status}
        canSubmit={can.submit}
        canDecideArticle={can.decideArticle}
        pendingCount={pendingCount}
        pending={pending}
        onSubmit={() => act(() => submitForReviewAction({ articleId: article.id }), () => "Submitted for review.")}
        onApproveArticle={() => act(() => approveArticleAction({ articleId: article.id }), () => "Article approved.")}
        onRequestChanges={(comment) => act(() => requestArticleChangesAction({ articleId: article.id, comment }), () => "Sent back to editing.")}
      />
      <div className="grid gap-6 lg:grid-cols-12" data-hydrated={hydrated || undefined}>
        <div className="lg:col-span-7">
          <ArticleText
            ref={textRef}
            text={text}
            blocks={article.blocks}
            annotations={placed}
            numbers={numbers}
            activeId={activeId}
            onActivate={(id) => activate(id, "text")}
            onChangeKind={can.editBlocks ? changeKind : undefined}
            onSelectionEnd={onSelectionEnd}
            draft={mode.kind === "create" ? mode : shown}
          />
        </div>
        <aside aria-label="Annotations" className="space-y-3 lg:col-span-5">
          <div className="lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:space-y-3 lg:overflow-y-auto lg:pr-1">
            <ChecksBar checks={article.checks} suggestions={suggestions} canRun={can.recheck} pending={pending} onRecheck={() =>
              act(() => recheckAction({ articleId: article.id }), (r) => `Checks done: ${r.added} new suggestion${r.added === 1 ? "" : "s"}.`)
            } />
            <p aria-live="polite" className="sr-only">
              {announcement}
            </p>
            <p className="text-xs text-stone-600">
              Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> {reviewable ? "approve" : "accept"}, <kbd>r</kbd> {reviewable ? "reject" : "dismiss"}, <kbd>e</kbd> edit,{" "}
              <button type="button" className="underline" onClick={() => setHelpOpen(true)}>
                <kbd>?</kbd> all keys
              </button>
            </p>
            {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} reviewer={reviewable} />}
            <div role="tablist" aria-label="Panel views" className="flex gap-1 border-b border-stone-300">
              {(
                [
                  ["annotations", `Annotations (${annotations.length})`],
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
                <AttributionView
                  quotes={article.checks.quotes}
                  onShow={!article.checks.current ? undefined : (start, end) => {
                    setShown({ start, end });
                    textRef.current?.querySelector(`[data-start="${start}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
                  }}
                />
              </div>
            )}
            {tab === "annotations" && (
              <div role="tabpanel" id="panel-annotations" aria-labelledby="tab-annotations" className="space-y-3">
                {can.annotate && mode.kind === "idle" && (
                  <>
                    <p className="text-sm text-stone-700">Select text in the article (mouse, or Shift+arrows with caret browsing) to mark it, or find it:</p>
                    <FindToMark text={text} onFound={(start, end) => (setError(null), setMode({ kind: "create", start, end }))} />
                  </>
                )}
                {can.locked && (
                  <p role="note" className="rounded border border-stone-400 bg-stone-100 p-2 text-sm text-stone-800">
                    Locked for review: the text and marks stay as they were submitted until the reviewer approves the article or sends it back to editing.
                  </p>
                )}
                {!can.annotate && !reviewable && !can.locked && (
                  <p className="text-sm text-stone-700">
                    {article.status === "approved" ? "This article is approved and closed for changes." : `Read only: your role (${actor.role}) does not annotate.`}
                  </p>
                )}
                {mode.kind === "create" && (
                  <AnnotationForm
                    key={`create-${mode.start}-${mode.end}`}
                    title="New annotation"
                    quote={text.slice(mode.start, mode.end)}
                    submitLabel="Save annotation"
                    pending={pending}
                    error={error}
                    onSubmit={save}
                    onCancel={() => setMode({ kind: "idle" })}
                  />
                )}
                {editing && (
                  <AnnotationForm
                    key={`edit-${editing.id}`}
                    title={`${mode.kind === "accept" ? "Accept suggestion" : "Edit annotation"} ${numbers.get(editing.id)}`}
                    quote={editing.exact}
                    initial={editing}
                    submitLabel={mode.kind === "accept" ? "Accept as proposed change" : "Save changes"}
                    pending={pending}
                    error={error}
                    onSubmit={save}
                    onCancel={() => {
                      setMode({ kind: "idle" });
                      setError(null);
                    }}
                  />
                )}
                {mode.kind === "idle" && error && <ErrorNotice error={error} />}
                {reviewable && (
                  <BulkApprove articleId={article.id} candidates={approvable} selectedIds={selected} pending={pending} onApprove={approve} />
                )}
                {orphans.length > 0 && (
                  <section aria-labelledby="orphans-h" className="rounded border border-amber-400 bg-amber-50 p-2">
                    <h3 id="orphans-h" className="text-sm font-semibold">
                      Could not be found in the new revision ({orphans.length})
                    </h3>
                    <p className="text-xs text-stone-700">Their text changed too much to place them with confidence. Re-mark or delete them.</p>
                    <ol className="mt-2 space-y-2">{orphans.map(card)}</ol>
                  </section>
                )}
                {placed.length === 0 ? (
                  <p className="text-sm text-stone-600">No annotations yet.</p>
                ) : (
                  <ol className="space-y-2" aria-label="Annotation cards">
                    {placed.slice(0, cardLimit).map(card)}
                  </ol>
                )}
              </div>
            )}
          </div>
        </aside>
      </div>
    </>
  );
}

function sortAnnotations(list: AnnotationView[]): AnnotationView[] {
  return [...list].sort((a, b) => a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt));
}
