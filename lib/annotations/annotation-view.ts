import type { AnnotationCategory, AnnotationStatus } from "./categories";

/** What the article page needs of an annotation (a plain object: crosses to the client). */
export interface AnnotationView {
  id: string;
  articleId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  category: AnnotationCategory;
  replacement: string | null;
  note: string | null;
  speaker: string | null;
  status: AnnotationStatus;
  source: string;
  authorId: string;
  authorName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const annotationViewSelect = {
  id: true, articleId: true, revisionId: true, start: true, end: true, exact: true, category: true, replacement: true, note: true,
  speaker: true, status: true, source: true, authorId: true, version: true, createdAt: true, updatedAt: true,
  author: { select: { name: true } },
} as const;

type Row = {
  [K in keyof Omit<AnnotationView, "authorName" | "createdAt" | "updatedAt" | "category" | "status">]: AnnotationView[K];
} & { category: string; status: string; createdAt: Date; updatedAt: Date; author: { name: string } };

export function toAnnotationView(row: Row): AnnotationView {
  const { author, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    category: rest.category as AnnotationCategory,
    status: rest.status as AnnotationStatus,
    authorName: author.name,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
