import { brandedInstanceCheck } from "@/lib/process-wide";

/**
 * One typed error path for the whole app. Use cases throw AppError; adapters
 * (server actions, route handlers, the CLI) turn it into a status and user text
 * with `toHttpStatus` / the message, and never show raw errors.
 */
export type ErrorCode =
  | "bad_input"
  | "malformed"
  | "empty"
  | "too_large"
  | "binary"
  | "invalid_utf8"
  | "unsupported_type"
  | "fetch_failed"
  | "url_refused"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_long_to_check";

const STATUS: Record<ErrorCode, number> = {
  bad_input: 422,
  /** the request could not be read at all (not JSON) */
  malformed: 400,
  empty: 422,
  too_large: 413,
  binary: 415,
  invalid_utf8: 415,
  unsupported_type: 415,
  fetch_failed: 502,
  url_refused: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** the checks ran out of their time budget on this article (CHECK_BUDGET_MS) */
  too_long_to_check: 422,
};

// an AppError thrown by a process-wide object (lib/process-wide.ts) comes from another copy of this module
const appErrorCheck = brandedInstanceCheck("AppError");

export class AppError extends Error {
  readonly [appErrorCheck.brand] = true;
  static [Symbol.hasInstance] = appErrorCheck.hasInstance;
  readonly code: ErrorCode;
  /** per-field messages for forms (zod issues flattened) */
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }
}

export function toHttpStatus(code: ErrorCode): number {
  return STATUS[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** What a failed action returns to a form: safe to show, never a stack trace. */
export interface ActionError {
  code: ErrorCode | "internal";
  message: string;
  fields?: Record<string, string>;
}

export function toActionError(e: unknown): ActionError {
  if (isAppError(e)) return { code: e.code, message: e.message, fields: e.fields };
  console.error(e);
  return { code: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." };
}

/** What every server action returns: data, or an error the form can show. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
