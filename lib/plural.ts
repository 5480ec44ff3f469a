/** "1 change", "3 changes"; `many` for nouns whose plural is not a trailing "s" ("changes to decide"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
