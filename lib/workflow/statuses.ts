import { z } from "zod";

/** An article's stage: `ingested → editing → in_review → approved`, and back to `editing` on request-changes. */
export const ARTICLE_STATUSES = ["ingested", "editing", "in_review", "approved"] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A mark's stage: `suggested → proposed → approved → applied`, or `dismissed`, `waived` (a finding the
 * reviewer let stand, with a reason), `rejected`, `needs_work`, `orphaned`, `resolved` (a note read).
 */
export const ANNOTATION_STATUSES = [
  "suggested", "proposed", "approved", "applied", "dismissed", "rejected", "needs_work", "orphaned", "resolved", "waived",
] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

/** The stages in which the editor works on the text and its marks; in review and after, they are locked. */
export const EDITABLE_ARTICLE: readonly ArticleStatus[] = ["ingested", "editing"];

/** Marks their author (or an admin) may still edit or delete, while the article is editable. */
export const EDITABLE: readonly AnnotationStatus[] = ["proposed", "needs_work", "orphaned"];

/**
 * Marks someone still has to act on. The article is approved only when none is left: every change
 * decided, every machine finding accepted, dismissed or waived, every lost mark re-made or deleted.
 */
export const PENDING: readonly AnnotationStatus[] = ["suggested", "proposed", "needs_work", "approved", "orphaned"];

/**
 * What holds approval up, as a query: a pending mark, except a suggestion of a demoted rule (advisory,
 * decision 026): it is shown, and may still be accepted, but nobody must handle it before sign-off.
 */
export const HOLDS_UP: { status: { in: string[] }; NOT: { status: string; advisory: boolean } } = {
  status: { in: [...PENDING] },
  NOT: { status: "suggested", advisory: true },
};

/** The same test on a mark in hand (the page's counts). */
export const holdsUp = (m: { status: string; advisory?: boolean }) => isIn(PENDING, m.status) && !(m.status === "suggested" && m.advisory);

/** Marks a decision names by version: when re-anchoring moves one onto other text it needs a fresh look. */
export const AWAITING_DECISION: readonly AnnotationStatus[] = ["suggested", "proposed", "needs_work"];

/** Marks carried (re-anchored) to each new revision. Applied changes stay with the revision they made. */
export const CARRIED: readonly AnnotationStatus[] = ["proposed", "suggested", "needs_work", "orphaned", "rejected", "resolved", "waived"];

/** Decided marks that stay visible (the editor reads the reason) but are not worth orphaning when their text goes. */
export const SETTLED: readonly AnnotationStatus[] = ["rejected", "resolved", "waived"];

/** Marks drawn in the text (an orphaned mark has no place in it; applied ones are history). */
export const DRAWN: readonly AnnotationStatus[] = ["suggested", "proposed", "needs_work", "rejected", "resolved", "approved", "waived"];

export const isIn = <S extends string>(set: readonly S[], status: string): status is S => (set as readonly string[]).includes(status);
