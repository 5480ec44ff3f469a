import type { CheckInput, Finding, QuoteAttribution } from "@/lib/checks/types";

/** Messages between the app and the checks' worker thread (structured clone: plain data only). */
export interface CheckRequest {
  id: number;
  input: CheckInput;
}

export type CheckResponse =
  | { id: number; ok: true; result: { findings: Finding[]; quotes: QuoteAttribution[] } }
  | { id: number; ok: false; error: string };
