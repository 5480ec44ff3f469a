"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import {
  changeBlockKindAction,
  createAnnotationAction,
  deleteAnnotationAction,
  updateAnnotationAction,
} from "@/app/articles/[id]/actions";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ArticleView } from "@/lib/articles/get-article";
import type { Role } from "@/lib/auth/roles";
import type { ActionError } from "@/lib/errors";
import type { BlockKind } from "@/lib/ingest/blocks";
import { AnnotationCard } from "./AnnotationCard";
import { AnnotationForm, type AnnotationFormValues } from "./AnnotationForm";
import { ArticleText } from "./ArticleText";
import { FindToMark } from "./FindToMark";
import { selectionOffsets } from "./selection";

interface ArticleWorkspaceProps {
  article: ArticleView;
  actor: { id: string; role: Role };
  canAnnotate: boolean;
  canEditBlocks: boolean;
}

type Mode = { kind: "idle" } | { kind: "create"; start: number; end: number } | { kind: "edit"; id: string };

/** The article page: text on the left, annotation panel on the right, kept in step both ways. */
export function ArticleWorkspace({ article, actor, canAnnotate, canEditBlocks }: ArticleWorkspaceProps) {
  const router = useRouter();
  const [annotations, setAnnotations] = useState(article.annotations);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [error, setError] = useState<ActionError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const text = article.revision.text;

  // a server refresh (after any save, or a new revision) is the source of truth
  useEffect(() => setAnnotations(article.annotations), [article.annotations]);

  const numbers = useMemo(() => new Map(annotations.map((a, i) => [a.id, i + 1])), [annotations]);
  const canChange = (a: AnnotationView) => canAnnotate && (actor.role === "admin" || a.authorId === actor.id);

  function activate(id: string, from: "text" | "panel") {
    setActiveId(id);
    const a = annotations.find((x) => x.id === id);
    if (a) setAnnouncement(`Annotation ${numbers.get(id)} selected: ${a.category.replace("_", " ")}, “${a.exact.slice(0, 60)}”.`);
    if (from === "text") {
      const card = cardRefs.current.get(id);
      card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      card?.focus({ preventScroll: true });
    } else {
      textRef.current?.querySelector(`[data-badge="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  function onSelectionEnd() {
    if (!canAnnotate || !textRef.current) return;
    const range = selectionOffsets(textRef.current, text);
    if (range) {
      setError(null);
      setMode({ kind: "create", ...range });
    }
  }

  function save(values: AnnotationFormValues) {
    startTransition(async () => {
      const result =
        mode.kind === "create"
          ? await createAnnotationAction({ articleId: article.id, revisionId: article.revision.id, start: mode.start, end: mode.end, ...values })
          : mode.kind === "edit"
            ? await updateAnnotationAction({ id: mode.id, version: annotations.find((a) => a.id === mode.id)?.version, ...values })
            : null;
      if (!result) return;
      if (!result.ok) return setError(result.error);
      const saved = result.data;
      setAnnotations((list) => sortAnnotations([...list.filter((a) => a.id !== saved.id), saved]));
      setMode({ kind: "idle" });
      setError(null);
      window.getSelection()?.removeAllRanges();
      setActiveId(saved.id);
      setAnnouncement(`Annotation saved: ${saved.category.replace("_", " ")}.`);
      router.refresh();
    });
  }

  function remove(a: AnnotationView) {
    if (!window.confirm(`Delete annotation ${numbers.get(a.id)} (“${a.exact.slice(0, 40)}”)?`)) return;
    startTransition(async () => {
      const result = await deleteAnnotationAction({ id: a.id, version: a.version });
      if (!result.ok) return setError(result.error);
      setAnnotations((list) => list.filter((x) => x.id !== a.id));
      setError(null);
      setAnnouncement("Annotation deleted.");
      router.refresh();
    });
  }

  function changeKind(position: number, kind: BlockKind) {
    startTransition(async () => {
      const result = await changeBlockKindAction({ articleId: article.id, revisionId: article.revision.id, position, kind });
      if (!result.ok) return setError(result.error);
      setError(null);
      setAnnouncement(`Block ${position + 1} is now ${kind}.`);
      router.refresh();
    });
  }

  const editing = mode.kind === "edit" ? annotations.find((a) => a.id === mode.id) : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-12">
      <div className="lg:col-span-7">
        <ArticleText
          ref={textRef}
          text={text}
          blocks={article.blocks}
          annotations={annotations}
          numbers={numbers}
          activeId={activeId}
          onActivate={(id) => activate(id, "text")}
          onChangeKind={canEditBlocks ? changeKind : undefined}
          onSelectionEnd={onSelectionEnd}
          draft={mode.kind === "create" ? mode : null}
        />
      </div>
      <aside aria-label="Annotations" className="space-y-3 lg:col-span-5">
        <div className="lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:space-y-3 lg:overflow-y-auto lg:pr-1">
          <h2 className="text-lg font-semibold">
            Annotations <span className="text-sm font-normal text-stone-600">({annotations.length})</span>
          </h2>
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
          {canAnnotate ? (
            mode.kind === "idle" && (
              <>
                <p className="text-sm text-stone-700">Select text in the article (mouse, or Shift+arrows with caret browsing) to mark it, or find it:</p>
                <FindToMark
                  text={text}
                  onFound={(start, end) => {
                    setError(null);
                    setMode({ kind: "create", start, end });
                  }}
                />
              </>
            )
          ) : (
            <p className="text-sm text-stone-700">Read only: your role ({actor.role}) does not annotate.</p>
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
              title={`Edit annotation ${numbers.get(editing.id)}`}
              quote={editing.exact}
              initial={editing}
              submitLabel="Save changes"
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
          {annotations.length === 0 ? (
            <p className="text-sm text-stone-600">No annotations yet.</p>
          ) : (
            <ol className="space-y-2" aria-label="Annotation cards">
              {annotations.map((a) => (
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
                    onActivate={() => activate(a.id, "panel")}
                    onEdit={() => {
                      setError(null);
                      setMode({ kind: "edit", id: a.id });
                    }}
                    onDelete={() => remove(a)}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
      </aside>
    </div>
  );
}

function sortAnnotations(list: AnnotationView[]): AnnotationView[] {
  return [...list].sort((a, b) => a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt));
}
