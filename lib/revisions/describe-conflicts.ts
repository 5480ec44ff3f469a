/** "“thecapture” and “the capture of”; …" — which changes overlap, in the reviewer's words. */
export function describeConflicts(conflicts: { a: string; b: string }[], changes: { id: string; exact: string }[]): string {
  const quote = (id: string) => `“${changes.find((c) => c.id === id)?.exact.slice(0, 40)}”`;
  return conflicts.map((c) => `${quote(c.a)} and ${quote(c.b)}`).join("; ");
}
