import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** Marks that travel to each new revision (re-anchored). Applied changes stay with the revision they were made on. */
export const TRAVELLING_STATUSES = ["proposed", "suggested", "needs_work", "orphaned", "rejected", "resolved"] as const;
/** Decided marks that stay visible (the editor reads the reason) but are not worth orphaning when their text is gone. */
export const DECIDED_STATUSES = ["rejected", "resolved"] as const;

/** Who wrote a change: its author, whoever last wrote its replacement or range, and the issuer of the token that write came through. */
export interface ChangeWriters {
  authorId: string;
  lastEditedById: string | null;
  lastEditIssuerId: string | null;
}

/** The people behind an action: the actor, and the issuer of the token they act through. */
function peopleBehind(actor: Pick<Actor, "id" | "issuedById">): string[] {
  return actor.issuedById ? [actor.id, actor.issuedById] : [actor.id];
}

/** What a write of a change's replacement or range records, for four-eyes. */
export function writtenBy(actor: Pick<Actor, "id" | "issuedById">): Pick<ChangeWriters, "lastEditedById" | "lastEditIssuerId"> {
  return { lastEditedById: actor.id, lastEditIssuerId: actor.issuedById ?? null };
}

/** Whether any person behind `actor` wrote the change (the UI hides the decision buttons then). */
export function wroteChange(actor: Pick<Actor, "id" | "issuedById">, change: ChangeWriters): boolean {
  const writers = [change.authorId, change.lastEditedById, change.lastEditIssuerId];
  return peopleBehind(actor).some((id) => writers.includes(id));
}

/**
 * Four-eyes: nobody decides a change they wrote — its author, whoever last wrote its replacement or
 * range, or the person behind the token either wrote it through. Admins included, through any path.
 */
export function assertFourEyes(actor: Actor, change: ChangeWriters, verb: string): void {
  if (wroteChange(actor, change)) {
    throw new AppError("forbidden", `You cannot ${verb} a change you proposed or edited; another reviewer must.`);
  }
}

export function assertInReview(status: string): void {
  if (status !== "in_review") {
    throw new AppError("conflict", `The article is ${status.replace("_", " ")}, not in review; reload to see its current state.`);
  }
}
