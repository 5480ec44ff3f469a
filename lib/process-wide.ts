/**
 * One value per process, whichever copy of a module asks for it. A production build of Next.js loads
 * `instrumentation.ts`, the route handlers and the pages as separate module graphs, so a plain
 * module-level `const` exists once per graph: one server process had three Prisma clients, each with
 * its own SQLite connection, and wake-ups sent by a route never reached the check runner started by
 * instrumentation. Keyed with `Symbol.for`, so every copy of a module finds the same slot.
 */
export function processWide<T>(name: string, make: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return (slots[Symbol.for(`copydesk.${name}`)] ??= make());
}

/** Put `value` in the slot instead (a worker thread that hands its work to the app's thread). */
export function replaceProcessWide<T>(name: string, value: T): void {
  (globalThis as unknown as Record<symbol, T | undefined>)[Symbol.for(`copydesk.${name}`)] = value;
}

/**
 * A brand that makes `instanceof` work across copies of a module: each module graph has its own copy
 * of a class, and a process-wide object (such as the ingest thread) throws the copy of whichever graph
 * made it. For `static [Symbol.hasInstance]` of a class that is not subclassed (a subclass would
 * inherit a check that accepts its parent).
 */
export function brandedInstanceCheck(name: string) {
  const brand = Symbol.for(`copydesk.${name}`);
  return {
    brand,
    hasInstance: (value: unknown): boolean => typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true,
  };
}
