import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** Marks that travel to each new revision (re-anchored). Applied changes stay with the revision they were made on. */
export const TRAVELLING_STATUSES = ["proposed", "suggested", "needs_work", "orphaned", "rejected", "resolved"] as const;
/** Decided marks that stay visible (the editor reads the reason) but are not worth orphaning when their text is gone. */
export const DECIDED_STATUSES = ["rejected", "resolved"] as const;

/** No self-approval: the person who proposed a change may never decide it (admins included). */
export function assertNotAuthor(actor: Actor, authorId: string, verb: string): void {
  if (actor.id === authorId) throw new AppError("forbidden", `You cannot ${verb} a change you proposed; another reviewer must.`);
}

export function assertInReview(status: string): void {
  if (status !== "in_review") {
    throw new AppError("conflict", `The article is ${status.replace("_", " ")}, not in review; reload to see its current state.`);
  }
}
