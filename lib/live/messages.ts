import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

/** What changed on an article. Clients only learn *that* something changed and re-read through the usual permission checks. */
export const CHANGES = ["annotation", "article", "revision", "comment", "checks"] as const;
export type Change = (typeof CHANGES)[number];

const person = z.object({ id: z.string(), name: z.string(), role: roleSchema });
export type Person = z.infer<typeof person>;

/**
 * The messages on the live bus, between every app process. Small on purpose: PostgreSQL refuses a
 * NOTIFY payload of 8000 bytes or more, and no text of an article ever travels here.
 */
export const liveMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("change"), articleId: z.string(), what: z.enum(CHANGES), actorId: z.string() }),
  /** one open article page (one SSE connection), announced again every heartbeat while it stays open */
  z.object({ kind: z.literal("presence"), articleId: z.string(), conn: z.string(), person, state: z.enum(["here", "gone"]) }),
]);
export type LiveMessage = z.infer<typeof liveMessage>;

/** Parsed and checked; null for anything else (a message from a newer or older server version). */
export function readLiveMessage(raw: string): LiveMessage | null {
  try {
    const parsed = liveMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
