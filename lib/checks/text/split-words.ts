/** Short words that may stand on their own when a run-together word is split; other parts need 3+ letters. */
const SHORT_WORDS = new Set("a an as at be by do go he if in is it me my no of on or so to up us we".split(" "));

/**
 * Lost spaces almost always glue a short function word onto its neighbour ("thecapture", "hosesand");
 * two content words written as one are usually a compound the dictionary lacks ("lockdown", "frontline").
 */
const FUNCTION_WORDS = new Set(
  "a an the and or but nor of to in on at for with by from as into onto over is was be are were been has have had not it its he his she her we they their there then than this that these those who which when where after about so all".split(" "),
);

export const gluesFunctionWord = (reading: string[]) => reading.some((part) => FUNCTION_WORDS.has(part));

const usable = (part: string, has: (w: string) => boolean) => (part.length >= 3 || SHORT_WORDS.has(part)) && has(part);

/** Longer than any two or three words run together: a token this long is not worth splitting. */
export const MAX_SPLIT_LENGTH = 45;

function twoWords(word: string, has: (w: string) => boolean): string[][] {
  const readings: string[][] = [];
  for (let i = 1; i < word.length; i++) {
    const left = word.slice(0, i);
    if (!usable(left, has)) continue;
    const right = word.slice(i);
    if (usable(right, has)) readings.push([left, right]);
  }
  return readings;
}

/**
 * Ways to read an unknown lower-case word as two or three dictionary words ("thecapture" → "the capture"),
 * best first. Of several readings the one with the longest part wins ("the replacement" over "there
 * placement"): running words together usually glues a short function word onto a content word.
 */
export function splitRunTogether(word: string, has: (w: string) => boolean): string[][] {
  if (word.length > MAX_SPLIT_LENGTH) return [];
  const readings = twoWords(word, has);
  if (readings.length === 0 && word.length >= 8) {
    for (let i = 1; i < word.length - 1; i++) {
      const left = word.slice(0, i);
      if (!usable(left, has)) continue;
      for (const rest of twoWords(word.slice(i), has)) readings.push([left, ...rest]);
    }
  }
  const longest = (r: string[]) => Math.max(...r.map((p) => p.length));
  return readings.sort((a, b) => a.length - b.length || longest(b) - longest(a));
}
