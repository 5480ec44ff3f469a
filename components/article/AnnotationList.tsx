"use client";

import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ActionError } from "@/lib/errors";
import { allowedActions, type Who } from "@/lib/workflow/rules";
import { wroteChange } from "@/lib/review/review-rules";
import type { ArticleView } from "@/lib/articles/get-article";
import { AnnotationCard } from "./AnnotationCard";
import { AnnotationForm, type AnnotationFormValues } from "./AnnotationForm";
import { CommentThread } from "./CommentThread";
import { ReviewControls, type ReviewDecision } from "./ReviewControls";
import type { FormMode } from "./use-annotation-selection";

export interface CardHandlers {
  activate: (id: string) => void;
  register: (id: string) => (el: HTMLElement | null) => void;
  edit: (id: string) => void;
  acceptWithEdit: (id: string) => void;
  accept: (a: AnnotationView) => void;
  remove: (a: AnnotationView) => void;
  dismiss: (a: AnnotationView) => void;
  markWrong: (a: AnnotationView) => void;
  decide: (a: AnnotationView, d: ReviewDecision) => void;
  save: (values: AnnotationFormValues) => void;
  closeForm: () => void;
  select: (id: string, on: boolean) => void;
}

interface AnnotationListProps {
  label: string;
  annotations: AnnotationView[];
  article: ArticleView;
  actor: Who;
  /** the text for context; null for marks that have no place in it (orphans) */
  text: string | null;
  activeId: string | null;
  mode: FormMode;
  reviewable: boolean;
  canComment: boolean;
  selected: string[];
  rejecting: string | null;
  pending: boolean;
  errorAt: (id: string) => ActionError | null;
  on: CardHandlers;
}

/**
 * The cards, each offering exactly what the lifecycle allows (lib/workflow allowedActions), so a button
 * shown is a button that works. Edit and Accept… open their form inside the card that was clicked.
 */
export function AnnotationList({ label, annotations, article, actor, text, activeId, mode, reviewable, canComment, selected, rejecting, pending, errorAt, on }: AnnotationListProps) {
  return (
    <ol className="space-y-2" aria-label={label}>
      {annotations.map((a) => {
        const allowed = allowedActions(actor, article, a);
        const may = (action: (typeof allowed)[number]) => allowed.includes(action);
        const editor = may("accept") && may("dismiss");
        const formOpen = (mode.kind === "edit" || mode.kind === "accept") && mode.id === a.id;
        const error = errorAt(a.id);
        return (
          <li key={a.id}>
            <AnnotationCard
              ref={on.register(a.id)}
              annotation={a}
              text={text}
              active={activeId === a.id}
              error={formOpen ? null : error}
              pending={pending}
              onActivate={() => on.activate(a.id)}
              actions={{
                onEdit: may("edit") ? () => on.edit(a.id) : undefined,
                onDelete: may("delete") ? () => on.remove(a) : undefined,
                onAccept: editor && a.replacement !== null ? () => on.accept(a) : undefined,
                onAcceptWithEdit: editor ? () => on.acceptWithEdit(a.id) : undefined,
                onDismiss: editor ? () => on.dismiss(a) : undefined,
                onMarkWrong: editor ? () => on.markWrong(a) : undefined,
              }}
            >
              {formOpen && (
                <div className="mt-2" onClick={(e) => e.stopPropagation()}>
                  <AnnotationForm
                    key={`${mode.kind}-${a.id}`}
                    title={`${mode.kind === "accept" ? "Accept suggestion" : "Edit annotation"} ${a.number}`}
                    quote={a.exact}
                    initial={a}
                    submitLabel={mode.kind === "accept" ? "Accept as proposed change" : "Save changes"}
                    pending={pending}
                    error={error}
                    onSubmit={on.save}
                    onCancel={on.closeForm}
                  />
                </div>
              )}
              {reviewable && (
                <ReviewControls
                  key={`${a.id}-${rejecting === a.id}`}
                  annotation={a}
                  number={a.number}
                  allowed={allowed}
                  ownChange={wroteChange(actor, a)}
                  pending={pending}
                  selected={selected.includes(a.id)}
                  onSelect={(on_) => on.select(a.id, on_)}
                  onDecide={(d) => on.decide(a, d)}
                  openReject={rejecting === a.id}
                />
              )}
              {a.status !== "suggested" && <CommentThread articleId={article.id} annotation={a} canComment={canComment} />}
            </AnnotationCard>
          </li>
        );
      })}
    </ol>
  );
}
