import type { AnnotationCategory, AnnotationStatus } from "./categories";

/** What the article page needs of an annotation (a plain object: crosses to the client). */
export interface AnnotationView {
  id: string;
  /** the article's stable number for it ("#7"): given once, kept on every revision, never reused */
  number: number;
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
  /** for suggestions: the rule's message and confidence */
  message: string | null;
  confidence: number | null;
  /** a house rule's suggestion: the rule version that found it; null for built-in rules and people */
  ruleVersion: number | null;
  /** a suggestion of a demoted rule: shown, counted nowhere, holds nothing up (decision 026) */
  advisory: boolean;
  /** a dismissed suggestion: "not_now" or "wrong" (a false alarm) */
  dismissReason: string | null;
  authorId: string;
  authorName: string;
  /** who last wrote the replacement or range, and the token issuer behind that write (four-eyes) */
  lastEditedById: string | null;
  lastEditIssuerId: string | null;
  /** applying other changes moved this change onto different text (it covered `movedFrom`): look again */
  movedAt: string | null;
  movedFrom: string | null;
  /** the reviewer's decision note (rejection reason or request) and who made it */
  reviewNote: string | null;
  reviewerName: string | null;
  comments: { id: string; authorName: string; body: string; createdAt: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const annotationViewSelect = {
  id: true, number: true, articleId: true, revisionId: true, start: true, end: true, exact: true, category: true, replacement: true, note: true,
  speaker: true, status: true, source: true, message: true, confidence: true, ruleVersion: true, advisory: true, dismissReason: true, authorId: true, version: true, createdAt: true, updatedAt: true,
  lastEditedById: true, lastEditIssuerId: true, movedAt: true, movedFrom: true,
  author: { select: { name: true } },
  reviewNote: true,
  reviewedBy: { select: { name: true } },
  comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
} as const;

type Row = {
  [K in keyof Omit<AnnotationView, "authorName" | "reviewerName" | "comments" | "createdAt" | "updatedAt" | "movedAt" | "category" | "status">]: AnnotationView[K];
} & {
  category: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  movedAt: Date | null;
  author: { name: string };
  reviewedBy: { name: string } | null;
  comments: { id: string; body: string; createdAt: Date; author: { name: string } }[];
};

export function toAnnotationView(row: Row): AnnotationView {
  const { author, reviewedBy, comments, createdAt, updatedAt, movedAt, ...rest } = row;
  return {
    ...rest,
    category: rest.category as AnnotationCategory,
    status: rest.status as AnnotationStatus,
    authorName: author.name,
    reviewerName: reviewedBy?.name ?? null,
    comments: comments.map((c) => ({ id: c.id, body: c.body, authorName: c.author.name, createdAt: c.createdAt.toISOString() })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    movedAt: movedAt?.toISOString() ?? null,
  };
}
