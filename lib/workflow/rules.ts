import { can, type Actor, type Permission } from "@/lib/auth/roles";
import { AppError, type ErrorCode } from "@/lib/errors";
import { relabelRefusal, wroteChange, type ChangeWriters } from "@/lib/review/review-rules";
import { EDITABLE, EDITABLE_ARTICLE, isIn, type AnnotationStatus, type ArticleStatus } from "./statuses";

export type Who = Pick<Actor, "id" | "role" | "issuedById">;

/** What a person can do to one mark. */
export type AnnotationAction =
  | "edit" | "delete" // the author (or an admin) while the article is editable
  | "accept" | "dismiss" | "waive" | "undo_dismissal" // machine suggestions
  | "approve" | "reject" | "request_changes" | "resolve"; // review decisions

/** How a person moves an article along. `start_editing` is the first mark's side effect. */
export type ArticleAction = "start_editing" | "submit" | "approve" | "request_changes";

/** Who, relative to the mark: anyone with the permission, its author (admins: anyone's), or anybody but its writers (four-eyes, decision 012). */
type Relation = "any" | "owner" | "not_writer";

export interface AnnotationRule {
  action: AnnotationAction;
  from: readonly AnnotationStatus[];
  /** `null`: the row is deleted */
  to: (from: AnnotationStatus) => AnnotationStatus | null;
  article: readonly ArticleStatus[];
  permission: Permission;
  who: Relation;
  /** only a change (a mark with a replacement) can be approved into the text */
  changeOnly?: boolean;
}

const IN_REVIEW: readonly ArticleStatus[] = ["in_review"];
const ANY_STAGE: readonly ArticleStatus[] = ["ingested", "editing", "in_review", "approved"];
const to = (s: AnnotationStatus) => () => s;

/**
 * The whole annotation lifecycle. A request is allowed when one row matches its action, the actor's
 * permission and relation to the mark, the article's stage and the mark's status. Editors work while
 * the article is editable; reviewers decide while it is in review; nothing moves once it is approved
 * (but an admin may take back a dismissal, which changes no text).
 */
export const ANNOTATION_RULES: readonly AnnotationRule[] = [
  // answering a reviewer's request puts the change back in front of them
  { action: "edit", from: EDITABLE, to: (s) => (s === "needs_work" ? "proposed" : s), article: EDITABLE_ARTICLE, permission: "annotation:edit", who: "owner" },
  { action: "delete", from: EDITABLE, to: () => null, article: EDITABLE_ARTICLE, permission: "annotation:edit", who: "owner" },
  { action: "accept", from: ["suggested"], to: to("proposed"), article: EDITABLE_ARTICLE, permission: "suggestion:handle", who: "any" },
  { action: "dismiss", from: ["suggested"], to: to("dismissed"), article: EDITABLE_ARTICLE, permission: "suggestion:handle", who: "any" },
  { action: "undo_dismissal", from: ["dismissed"], to: to("suggested"), article: ANY_STAGE, permission: "dismissal:undo", who: "any" },
  // in review the reviewer handles what the editor left: a machine fix is approved as it stands (the
  // machine wrote it, the reviewer decides: two parties), dismissed, or waived with a reason
  { action: "approve", from: ["proposed", "suggested"], to: to("approved"), article: IN_REVIEW, permission: "change:review", who: "not_writer", changeOnly: true },
  { action: "dismiss", from: ["suggested"], to: to("dismissed"), article: IN_REVIEW, permission: "change:review", who: "any" },
  { action: "waive", from: ["suggested"], to: to("waived"), article: IN_REVIEW, permission: "change:review", who: "any" },
  { action: "reject", from: ["proposed"], to: to("rejected"), article: IN_REVIEW, permission: "change:review", who: "not_writer" },
  { action: "request_changes", from: ["proposed"], to: to("needs_work"), article: IN_REVIEW, permission: "change:review", who: "not_writer" },
  { action: "resolve", from: ["proposed"], to: to("resolved"), article: IN_REVIEW, permission: "change:review", who: "not_writer" },
];

export interface ArticleRule {
  action: ArticleAction;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: Permission;
}

/** The article lifecycle. Approval also needs every mark settled (`PENDING` empty): see transitionArticle. */
export const ARTICLE_RULES: readonly ArticleRule[] = [
  { action: "start_editing", from: ["ingested"], to: "editing", permission: "annotation:create" },
  { action: "submit", from: EDITABLE_ARTICLE, to: "in_review", permission: "article:submit" },
  { action: "approve", from: IN_REVIEW, to: "approved", permission: "article:approve" },
  { action: "request_changes", from: IN_REVIEW, to: "editing", permission: "article:approve" },
];

/**
 * Moves no person asks for: applying approved changes into a new revision marks them applied, and a
 * pending mark whose text cannot be found there becomes orphaned (the editor re-makes or deletes it).
 * (A suggestion whose text is gone is simply deleted: it was moot, not work.)
 */
export const SYSTEM_MOVES = {
  apply: { from: ["approved"], to: "applied" },
  orphan: { from: ["proposed", "needs_work"], to: "orphaned" },
} as const satisfies Record<string, { from: readonly AnnotationStatus[]; to: AnnotationStatus }>;
export type SystemMove = keyof typeof SYSTEM_MOVES;

export type MarkFacts = ChangeWriters & { status: string; replacement: string | null };

const stage = (s: string) => s.replace("_", " ");

/** Why the article's stage rules an action out, in words for the person who tried. */
export function stageRefusal(articleStatus: string, allowed: readonly ArticleStatus[]): string {
  if (articleStatus === "approved") return "The article is approved and closed for changes.";
  if (articleStatus === "in_review") return "The article is in review: its text and marks are locked until the reviewer approves it or sends it back.";
  if (allowed.length === 1 && allowed[0] === "in_review") return `The article is ${stage(articleStatus)}, not in review; reload to see its current state.`;
  return `The article is ${stage(articleStatus)}; reload to see its current state.`;
}

function relates(actor: Who, who: Relation, mark: MarkFacts): boolean {
  if (who === "owner") return actor.role === "admin" || actor.id === mark.authorId;
  if (who === "not_writer") return !wroteChange(actor, mark);
  return true;
}

/**
 * The rule that lets `actor` do `action` to `mark` now, or the refusal: 403 for who they are (role,
 * relation to the mark), 409 for when it is (the article's stage, the mark's status).
 */
/**
 * A refusal before it becomes an AppError: the page asks the rules about every action on every mark
 * (allowedActions), and building an Error, stack trace and all, for each "no" cost ~10 ms of a
 * 3,000-word article's render (decision 029). The message is written only when one is thrown.
 */
interface Refusal {
  refused: ErrorCode;
  why: () => string;
}
const refuse = (refused: ErrorCode, why: () => string): Refusal => ({ refused, why });
const isRefusal = (r: object): r is Refusal => "refused" in r;
const toError = (r: Refusal) => new AppError(r.refused, r.why());

function decideAnnotation(actor: Who, action: AnnotationAction, articleStatus: string, mark: MarkFacts): AnnotationRule | Refusal {
  const rows = ANNOTATION_RULES.filter((r) => r.action === action && can(actor, r.permission));
  if (rows.length === 0) return refuse("forbidden", () => `Your role (${actor.role}) may not do that.`);
  const mine = rows.filter((r) => relates(actor, r.who, mark));
  if (mine.length === 0) {
    return rows[0].who === "owner"
      ? refuse("forbidden", () => "You can change only your own annotations.")
      : refuse("forbidden", () => `You cannot ${verb(action)} a change you proposed or edited; another reviewer must.`);
  }
  const now = mine.filter((r) => isIn(r.article, articleStatus));
  if (now.length === 0) return refuse("conflict", () => stageRefusal(articleStatus, mine.flatMap((r) => r.article)));
  const rule = now.find((r) => isIn(r.from, mark.status));
  if (!rule) return refuse("conflict", () => statusRefusal(action, mark.status));
  if (rule.changeOnly && mark.replacement === null) return refuse("bad_input", () => "That is a note, not a change; resolve or dismiss it instead.");
  return rule;
}

export function annotationRule(actor: Who, action: AnnotationAction, articleStatus: string, mark: MarkFacts): AnnotationRule | AppError {
  const decided = decideAnnotation(actor, action, articleStatus, mark);
  return isRefusal(decided) ? toError(decided) : decided;
}

function decideArticle(actor: Who, action: ArticleAction, articleStatus: string): ArticleRule | Refusal {
  const rule = ARTICLE_RULES.find((r) => r.action === action)!;
  if (!can(actor, rule.permission)) return refuse("forbidden", () => `Your role (${actor.role}) may not do that.`);
  if (!isIn(rule.from, articleStatus)) {
    return refuse("conflict", () => (action === "submit" ? `The article is already ${stage(articleStatus)}.` : stageRefusal(articleStatus, rule.from)));
  }
  return rule;
}

export function articleRule(actor: Who, action: ArticleAction, articleStatus: string): ArticleRule | AppError {
  const decided = decideArticle(actor, action, articleStatus);
  return isRefusal(decided) ? toError(decided) : decided;
}

const ACTIONS = [...new Set(ANNOTATION_RULES.map((r) => r.action))];

/** What the page may offer `actor` on one mark: the same rules the server enforces, so a button shown is a button that works. */
export function allowedActions(actor: Who, article: { status: string }, mark: MarkFacts): AnnotationAction[] {
  return ACTIONS.filter((a) => !isRefusal(decideAnnotation(actor, a, article.status, mark)));
}

/** What the page may offer `actor` on the article as a whole. */
export function deskActions(actor: Who, article: { status: string; relabelledBy?: readonly string[] }) {
  const editable = isIn(EDITABLE_ARTICLE, article.status);
  const allowed = (a: ArticleAction) => !isRefusal(decideArticle(actor, a, article.status));
  return {
    annotate: editable && can(actor, "annotation:create"),
    editBlocks: editable && can(actor, "article:edit-blocks"),
    recheck: editable && can(actor, "checks:run"),
    submit: allowed("submit"),
    review: article.status === "in_review" && can(actor, "change:review"),
    decideArticle: allowed("approve"),
    /** why this person may not approve the article although they may decide on it, or null */
    approveRefusal: relabelRefusal(actor, article.relabelledBy ?? []),
    comment: can(actor, "comment:create"),
    /** the editor's tools are hidden because the article is in review, not because of their role */
    locked: article.status === "in_review" && can(actor, "annotation:create"),
  };
}
export type DeskActions = ReturnType<typeof deskActions>;

const VERBS: Partial<Record<AnnotationAction, string>> = { request_changes: "send back", approve: "approve", reject: "reject", resolve: "resolve" };
const verb = (a: AnnotationAction) => VERBS[a] ?? a.replace("_", " ");

function statusRefusal(action: AnnotationAction, status: string): string {
  if (action === "edit" || action === "delete") return `This annotation is now ${stage(status)} and can no longer be changed.`;
  if (action === "accept" || action === "dismiss" || action === "waive" || action === "undo_dismissal") {
    return `Someone already handled this suggestion (it is now ${stage(status)}). Reload to see it.`;
  }
  return `This change was already decided (it is now ${stage(status)}). Reload to see who acted.`;
}

/** The 409 for a mark whose status was right but whose version moved on: someone acted first. */
export function versionRefusal(action: AnnotationAction, now: { status: string; version: number }): string {
  if (action === "edit" || action === "delete") {
    return `Someone changed this annotation since you opened it (now version ${now.version}). Your edit was not saved; your text is kept below — reload to see theirs.`;
  }
  if (action === "approve" || action === "reject" || action === "request_changes" || action === "resolve") {
    return now.status === "suggested"
      ? "This suggestion changed since you opened it (the text under it moved). Reload and look again."
      : "The editor changed this since you opened it. Reload and review the new version.";
  }
  return statusRefusal(action, now.status);
}
