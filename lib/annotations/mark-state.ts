import type { AnnotationStatus } from "@/lib/annotations/categories";

/** How a mark is drawn: waiting for someone, decided, or already in the text. Never by colour alone. */
export type MarkState = "open" | "handled" | "applied";

export function markState(status: AnnotationStatus): MarkState {
  if (status === "applied") return "applied";
  return status === "suggested" || status === "proposed" || status === "needs_work" || status === "orphaned" ? "open" : "handled";
}

/** Words for the accessible name and the card: "open", "handled (rejected)", "applied". */
export function stateLabel(status: AnnotationStatus): string {
  const state = markState(status);
  return state === "handled" ? `handled (${status.replace("_", " ")})` : state === "open" && status !== "proposed" && status !== "suggested" ? `open (${status.replace("_", " ")})` : state;
}

/** A proposed deletion: drawn as a question ("delete?"), never struck through as if done. */
export const isDeletion = (a: { replacement: string | null }) => a.replacement === "";
