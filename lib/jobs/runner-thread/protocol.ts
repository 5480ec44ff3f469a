import type { LiveMessage } from "@/lib/live/messages";

/** app thread → runner thread: a job was enqueued in this process, look now rather than at the next poll */
export type ToRunner = { wake: true };
/** runner thread → app thread: announce this to open pages (the app thread owns the live bus) */
export type FromRunner = { live: LiveMessage };
