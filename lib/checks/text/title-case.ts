const MINOR = new Set(["a", "an", "the", "and", "but", "or", "nor", "for", "of", "on", "in", "at", "to", "by", "as", "up", "via", "with", "from", "into", "over"]);

/** "Trump And Petro End Meeting": in such a line capitals say nothing about names or sentences. */
export function isTitleCase(line: string): boolean {
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const major = words.filter((w) => !MINOR.has(w.toLowerCase()));
  if (major.length < 3) return false;
  const capitalised = major.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / major.length >= 0.8;
}
