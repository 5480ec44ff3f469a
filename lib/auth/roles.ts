import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * `style_editor` (decision 026): keeps the house style — writes, backtests and publishes house rules
 * (never their own: four-eyes) — and reads articles, but does not edit or review them.
 */
export const ROLES = ["editor", "reviewer", "admin", "style_editor"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The signed-in person as the domain sees them: no secrets, just who and what role. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  /**
   * When acting through an API token issued by someone else: that issuer. Four-eyes counts them as
   * the actor too, so an admin cannot approve their own change with a token made for a reviewer.
   */
  issuedById?: string;
}

/**
 * Who may do what. One table, read by every use case on the server; the UI reads it too,
 * but only to hide buttons — hiding is never the protection.
 */
const PERMISSIONS = {
  "article:read": ["editor", "reviewer", "admin", "style_editor"],
  "article:ingest": ["editor", "admin"],
  "article:edit-blocks": ["editor", "admin"],
  "annotation:create": ["editor", "admin"],
  /** editors change their own annotations; admins anyone's (checked with ownership below) */
  "annotation:edit": ["editor", "admin"],
  /** run the automatic checks, accept or dismiss their suggestions */
  "checks:run": ["editor", "admin"],
  "suggestion:handle": ["editor", "admin"],
  /** see and undo dismissals across the newsroom */
  "dismissal:undo": ["admin"],
  "dictionary:edit": ["admin"],
  /** hand an article to review, and answer a reviewer's request */
  "article:submit": ["editor", "admin"],
  /** approve, reject or send back changes; approve the article (never one's own changes) */
  "change:review": ["reviewer", "admin"],
  "article:approve": ["reviewer", "admin"],
  "comment:create": ["editor", "reviewer", "admin", "style_editor"],
  "audit:read-all": ["admin"],
  "api-token:manage": ["admin"],
  /** the Rules page: every rule with its measured precision and false alarms (decision 026) */
  "rules:read": ["editor", "reviewer", "admin", "style_editor"],
  /** write house-rule drafts, backtest them, revert to an old version, import a rule-set file */
  "house-rule:edit": ["admin", "style_editor"],
  /** publish someone else's draft (never one's own: four-eyes); disable a published rule */
  "house-rule:publish": ["admin", "style_editor"],
  /** download the published set as a file */
  "house-rule:export": ["admin", "style_editor"],
  /** put a demoted rule back into the counted checks */
  "rule:restore": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  if (!can(actor, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not do that.`);
  }
}

/** Editors may change only what they wrote; admins may change anything. */
export function canChangeAnnotation(actor: Actor, authorId: string): boolean {
  return can(actor, "annotation:edit") && (actor.role === "admin" || actor.id === authorId);
}
