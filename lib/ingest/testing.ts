import { AppError } from "@/lib/errors";

/** The AppError code `fn` refuses with, or "no error"; anything else is a bug and is thrown. For unit tests. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "no error";
}
