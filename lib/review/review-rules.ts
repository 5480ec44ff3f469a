import type { Actor } from "@/lib/auth/roles";

/** Who wrote a change: its author, whoever last wrote its replacement or range, and the issuer of the token that write came through. */
export interface ChangeWriters {
  authorId: string;
  lastEditedById: string | null;
  lastEditIssuerId: string | null;
}

/** The people behind an action: the actor, and the issuer of the token they act through. */
export function peopleBehind(actor: Pick<Actor, "id" | "issuedById">): string[] {
  return actor.issuedById ? [actor.id, actor.issuedById] : [actor.id];
}

/** What a write of a change's replacement or range records, for four-eyes. */
export function writtenBy(actor: Pick<Actor, "id" | "issuedById">): Pick<ChangeWriters, "lastEditedById" | "lastEditIssuerId"> {
  return { lastEditedById: actor.id, lastEditIssuerId: actor.issuedById ?? null };
}

/**
 * Four-eyes: nobody decides a change they wrote — its author, whoever last wrote its replacement or
 * range, or the person behind the token either wrote it through. Admins included, through any path.
 * The lifecycle table (lib/workflow/rules.ts) applies it to every review decision; the page asks the same.
 */
export function wroteChange(actor: Pick<Actor, "id" | "issuedById">, change: ChangeWriters): boolean {
  const writers = [change.authorId, change.lastEditedById, change.lastEditIssuerId];
  return peopleBehind(actor).some((id) => writers.includes(id));
}

/**
 * Four-eyes for the article's structure. Relabelling a block changes what is published — a paragraph
 * marked as page residue is left out of every export, a caption or headline reads differently — with
 * no change of its own for a reviewer to decide. So nobody approves an article whose blocks they
 * relabelled: the sign-off is their review of that work. `relabelledBy`: who relabelled its blocks.
 */
export function relabelRefusal(actor: Pick<Actor, "id" | "issuedById">, relabelledBy: readonly string[]): string | null {
  return peopleBehind(actor).some((id) => relabelledBy.includes(id))
    ? "You relabelled blocks of this article, which changes what is published; another reviewer must approve it."
    : null;
}
