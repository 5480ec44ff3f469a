"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { previewApprovalAction } from "@/app/articles/[id]/review-actions";
import { previewSuggestionsAction } from "@/app/articles/[id]/actions";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { AppliedChanges } from "@/lib/annotations/applied-marks";
import { CATEGORY_LABELS } from "@/lib/annotations/categories";
import type { ArticleView } from "@/lib/articles/get-article";
import { wroteChange } from "@/lib/review/review-rules";
import { LiveArticle } from "@/components/live/LiveArticle";
import { allowedActions, type DeskActions, type Who } from "@/lib/workflow/rules";
import { DRAWN, holdsUp, isIn } from "@/lib/workflow/statuses";
import { AnnotationForm } from "./AnnotationForm";
import { AnnotationList } from "./AnnotationList";
import { AnnotationPanel } from "./AnnotationPanel";
import { ArticleStatusBar } from "./ArticleStatusBar";
import { ArticleText } from "./ArticleText";
import { BulkApprove } from "./BulkApprove";
import { ChecksBar } from "./ChecksBar";
import { Confirmation } from "./Confirmation";
import { FindToMark } from "./FindToMark";
import { ShowChanges } from "./ShowChanges";
import { TextToolbar } from "./TextToolbar";
import { useAnnotationSelection } from "./use-annotation-selection";
import { useCardFocus } from "./use-card-focus";
import { useDeskActions } from "./use-desk-actions";
import { useDeskCommands } from "./use-desk-commands";
import { useShortcuts } from "./use-shortcuts";

interface ArticleWorkspaceProps {
  article: ArticleView;
  actor: Who;
  /** what the lifecycle (lib/workflow) lets this person do to the article now */
  can: DeskActions;
  /** the changes applied into the current revision, placed on its text, and the diff since the original */
  applied: AppliedChanges;
  /** the server's clock before it read the article: for changes made before the live stream opens */
  renderedAt: number;
}

/** The article page: text on the left, annotation panel on the right, kept in step both ways. */
export function ArticleWorkspace({ article, actor, can, applied, renderedAt }: ArticleWorkspaceProps) {
  const text = article.revision.text;
  const textRef = useRef<HTMLDivElement>(null);
  // a server refresh (after any save, or a new revision) is the source of truth
  const [annotations, setAnnotations] = useState(article.annotations);
  useEffect(() => setAnnotations(article.annotations), [article.annotations]);
  // marks the page interactive for tests and the scale benchmark
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [announcement, setAnnouncement] = useState("");
  const [view, setView] = useState<"text" | "changes">("text");
  const [editStructure, setEditStructure] = useState(false);
  const [shownQuote, setShownQuote] = useState<{ start: number; end: number } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // until the refreshed list arrives, a change just applied is in both lists: draw it once, as applied
  const placed = useMemo(
    () => [...annotations.filter((a) => isIn(DRAWN, a.status) && !applied.marks.some((m) => m.id === a.id)), ...applied.marks].sort((a, b) => a.start - b.start || b.end - a.end || a.number - b.number),
    [annotations, applied.marks],
  );
  const orphans = useMemo(() => annotations.filter((a) => a.status === "orphaned"), [annotations]);
  const order = useMemo(() => [...placed, ...orphans].map((a) => a.id), [placed, orphans]);
  const all = useMemo(() => [...placed, ...orphans], [placed, orphans]);
  const allowed = (a: AnnotationView) => allowedActions(actor, article, a);
  const reviewable = can.review && article.status === "in_review";
  // an advisory finding (its rule was demoted) is shown but holds nothing up
  const pendingCount = annotations.filter(holdsUp).length;
  // four-eyes: the author and whoever last rewrote a change may not decide it (the server refuses too)
  const approvable = annotations.filter((a) => a.status === "proposed" && a.replacement !== null && !wroteChange(actor, a));
  const acceptable = annotations.filter((a) => a.status === "suggested" && a.replacement !== null && allowed(a).includes("accept"));
  const suggestions = annotations.filter((a) => a.status === "suggested").length;

  const desk = useDeskActions();
  const focus = useCardFocus({
    placed,
    order,
    textRef,
    onActivated: (id) => {
      const a = all.find((x) => x.id === id);
      if (a) setAnnouncement(`${a.status === "suggested" ? "Suggestion" : "Annotation"} ${a.number}: ${CATEGORY_LABELS[a.category]}, “${a.exact.slice(0, 60)}”, ${a.status.replace("_", " ")}.`);
    },
  });
  const selection = useAnnotationSelection({ enabled: can.annotate, textRef, text, onOpen: desk.clearError });
  const commands = useDeskCommands({
    article,
    annotations,
    desk,
    onSaved: (saved) => {
      setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved].sort((a, b) => a.start - b.start || b.end - a.end));
      selection.closeAfterSave();
      focus.setActiveId(saved.id);
    },
    onApproved: () => setSelected([]),
  });

  // keyboard-first: j/k move, a approve/accept, r reject/dismiss, e edit, ? help
  const current = () => all.find((a) => a.id === focus.activeId);
  useShortcuts({
    j: () => focus.move(1),
    k: () => focus.move(-1),
    a: () => {
      const a = current();
      if (!a) return;
      if (allowed(a).includes("approve")) commands.approve([a.id], a.id);
      else if (allowed(a).includes("accept")) (a.replacement !== null ? commands.accept(a) : selection.acceptWithEdit(a.id));
    },
    r: () => {
      const a = current();
      if (!a) return;
      if (allowed(a).includes("reject")) setRejecting(a.id);
      else if (allowed(a).includes("dismiss")) commands.dismiss(a);
    },
    e: () => {
      const a = current();
      if (a && allowed(a).includes("edit")) selection.edit(a.id);
    },
    "?": () => setHelpOpen((open) => !open),
  });

  const listProps = {
    article,
    actor,
    activeId: focus.activeId,
    mode: selection.mode,
    reviewable,
    canComment: can.comment,
    selected,
    rejecting,
    pending: desk.pending,
    errorAt: desk.errorAt,
    on: {
      activate: (id: string) => focus.activate(id, "panel"),
      register: focus.registerCard,
      edit: selection.edit,
      acceptWithEdit: selection.acceptWithEdit,
      accept: commands.accept,
      remove: commands.remove,
      dismiss: commands.dismiss,
      markWrong: commands.markWrong,
      decide: (a: AnnotationView, d: Parameters<typeof commands.decide>[1]) => {
        setRejecting(null);
        commands.decide(a, d);
      },
      save: (values: Parameters<typeof commands.save>[1]) => commands.save(selection.mode, values),
      closeForm: () => {
        selection.close();
        desk.clearError();
      },
      select: (id: string, on: boolean) => setSelected((list) => (on ? [...list, id] : list.filter((x) => x !== id))),
    },
  };

  return (
    <>
      <LiveArticle articleId={article.id} renderedAt={renderedAt} />
      <ArticleStatusBar
        articleId={article.id}
        status={article.status}
        canSubmit={can.submit}
        canDecideArticle={can.decideArticle}
        approveRefusal={can.approveRefusal}
        sentBack={article.sentBack}
        reworkCount={annotations.filter((a) => a.status === "needs_work").length}
        pendingCount={pendingCount}
        pending={desk.pending}
        error={desk.errorAt("article")}
        onSubmit={commands.submit}
        onApproveArticle={commands.approveArticle}
        onRequestChanges={commands.requestArticleChanges}
      />
      {/* an open form holds back live refreshes (components/live): what is being typed is never disturbed */}
      <div className="grid gap-6 lg:grid-cols-12" data-hydrated={hydrated || undefined} data-live-hold={selection.mode.kind !== "idle" || rejecting !== null || undefined}>
        <div className="space-y-2 lg:col-span-7">
          <TextToolbar
            view={view}
            onView={setView}
            changed={applied.diff !== null}
            canEditStructure={can.editBlocks}
            editStructure={editStructure}
            onEditStructure={setEditStructure}
          />
          {view === "changes" ? (
            <ShowChanges diff={applied.diff} revision={article.revision.number} />
          ) : (
            <ArticleText
              ref={textRef}
              text={text}
              blocks={article.blocks}
              annotations={placed}
              activeId={focus.activeId}
              onActivate={(id) => focus.activate(id, "text")}
              onChangeKind={can.editBlocks && editStructure ? commands.changeKind : undefined}
              onSelectionEnd={selection.onSelectionEnd}
              draft={selection.mode.kind === "create" ? selection.mode : shownQuote}
            />
          )}
        </div>
        <AnnotationPanel
          article={article}
          count={all.length}
          reviewer={reviewable}
          helpOpen={helpOpen}
          onHelp={setHelpOpen}
          onShowQuote={(start, end) => {
            setView("text");
            setShownQuote({ start, end });
            textRef.current?.querySelector(`[data-start="${start}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
          }}
          checks={
            <ChecksBar checks={article.checks} suggestions={suggestions} canRun={can.recheck} pending={desk.pending} error={desk.errorAt("checks")} onRecheck={commands.recheck} />
          }
        >
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
          {can.annotate && selection.mode.kind !== "create" && (
            <>
              <p className="text-sm text-stone-700">Select text in the article (mouse, or Shift+arrows with caret browsing) to mark it, or find it:</p>
              <FindToMark text={text} onFound={selection.markRange} />
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
          {selection.mode.kind === "create" && (
            <AnnotationForm
              key={`create-${selection.mode.start}-${selection.mode.end}`}
              title="New annotation"
              quote={text.slice(selection.mode.start, selection.mode.end)}
              submitLabel="Save annotation"
              pending={desk.pending}
              error={desk.errorAt("new-mark")}
              onSubmit={(values) => commands.save(selection.mode, values)}
              onCancel={selection.close}
            />
          )}
          {reviewable && (
            <BulkApprove
              title="Bulk approve"
              verb="Approve"
              noun="change"
              candidates={approvable}
              selectedIds={selected}
              preview={(ids) => previewApprovalAction({ articleId: article.id, ids })}
              pending={desk.pending}
              error={desk.errorAt("bulk")}
              onDecide={(ids) => commands.approve(ids, "bulk")}
            />
          )}
          {!reviewable && acceptable.length > 1 && (
            <BulkApprove
              title="Accept all"
              verb="Accept"
              noun="suggestion"
              candidates={acceptable}
              preview={(ids) => previewSuggestionsAction({ articleId: article.id, ids })}
              pending={desk.pending}
              error={desk.errorAt("bulk")}
              onDecide={commands.acceptAll}
            />
          )}
          {orphans.length > 0 && (
            <section aria-labelledby="orphans-h" className="rounded border border-amber-400 bg-amber-50 p-2">
              <h3 id="orphans-h" className="text-sm font-semibold">
                Could not be found in the new revision ({orphans.length})
              </h3>
              <p className="text-xs text-stone-700">Their text changed too much to place them with confidence. Re-mark or delete them.</p>
              <div className="mt-2">
                <AnnotationList label="Marks that could not be placed" annotations={orphans} text={null} {...listProps} />
              </div>
            </section>
          )}
          {placed.length === 0 ? (
            <p className="text-sm text-stone-600">No annotations yet.</p>
          ) : (
            <AnnotationList label="Annotation cards" annotations={placed.slice(0, focus.cardLimit)} text={text} {...listProps} />
          )}
        </AnnotationPanel>
      </div>
      <Confirmation confirmation={desk.confirmation} onDismiss={desk.dismissConfirmation} />
    </>
  );
}
