import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parse input at a boundary: the data, or a bad_input AppError whose fields go back into the form. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, message = "Check the highlighted fields."): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_input", message, fieldErrors(parsed.error));
  return parsed.data;
}

/** zod issues → { field: first message }, for form errors tied to their fields with aria-describedby. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
