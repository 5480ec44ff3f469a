/** Levenshtein distance in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length;
  return short.length <= 32 ? bitParallelDistance(short, long) : tableDistance(short, long);
}

/** 1 for equal strings, 0 for nothing in common; two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

// One bit per pattern character, indexed by UTF-16 code; reset after every use.
const matchMasks = new Int32Array(0x10000);

/**
 * Myers' bit-vector algorithm (1999) for a pattern of at most 32 code units: a whole column of the
 * edit-distance table fits in one 32-bit word, so comparing 32-character contexts costs 32 steps,
 * not 1,024. Re-anchoring scores every copy of a common word, so this is the hot loop.
 */
function bitParallelDistance(pattern: string, text: string): number {
  const m = pattern.length;
  for (let i = 0; i < m; i++) matchMasks[pattern.charCodeAt(i)] |= 1 << i;
  const last = 1 << (m - 1);
  let plus = -1;
  let minus = 0;
  let distance = m;
  for (let j = 0; j < text.length; j++) {
    const eq = matchMasks[text.charCodeAt(j)];
    const xv = eq | minus;
    const xh = (((eq & plus) + plus) ^ plus) | eq;
    let hPlus = minus | ~(xh | plus);
    let hMinus = plus & xh;
    if (hPlus & last) distance++;
    else if (hMinus & last) distance--;
    // the table's top row counts up (global distance), so a +1 enters at the bottom bit
    hPlus = (hPlus << 1) | 1;
    hMinus <<= 1;
    plus = hMinus | ~(xv | hPlus);
    minus = hPlus & xv;
  }
  for (let i = 0; i < m; i++) matchMasks[pattern.charCodeAt(i)] = 0;
  return distance;
}

function tableDistance(a: string, b: string): number {
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
