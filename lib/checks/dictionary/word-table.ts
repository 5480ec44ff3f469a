/**
 * A read-only set of words (with a number for each) kept in one string and three typed arrays, so that
 * it is written to a file and read back without building anything: no Set or Map of 120k entries, no
 * 120k small strings for the garbage collector. Reading the US dictionary this way takes a few ms where
 * splitting its word list into a Set took ~50 ms of a ~300 ms cold `copydesk check` (decision 028).
 * Lookups hash the word (FNV-1a over its UTF-16 code units) into an open-addressing table and compare
 * in place (`startsWith` at an offset), so a lookup allocates nothing.
 */
const MAGIC = 0x43445754; // "CDWT"
const HEADER = 4;
/** Answers kept per table: a day's articles' distinct words, and a bound on memory. */
const MEMO_LIMIT = 100_000;

const hashOf = (word: string): number => {
  let h = 2166136261 | 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
};

export class WordTable implements ReadonlySet<string> {
  private constructor(
    /** the words, one after another */
    private readonly text: string,
    /** word i is text[offsets[i], offsets[i + 1]) */
    private readonly offsets: Int32Array,
    /** open addressing: 0 empty, else word index + 1 */
    private readonly slots: Int32Array,
    /** a number per word (a count, or flags) */
    readonly numbers: Float64Array,
  ) {}

  /** A table of `words` (duplicates kept once, the first value wins). */
  static from(words: Iterable<string>, valueOf: (word: string) => number = () => 0): WordTable {
    const list: string[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      if (seen.has(w)) continue;
      seen.add(w);
      list.push(w);
    }
    const offsets = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) offsets[i + 1] = offsets[i] + list[i].length;
    let size = 1;
    while (size < list.length * 2) size *= 2;
    const slots = new Int32Array(Math.max(size, 2));
    const mask = slots.length - 1;
    for (let i = 0; i < list.length; i++) {
      let s = hashOf(list[i]) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    return new WordTable(list.join(""), offsets, slots, Float64Array.from(list, valueOf));
  }

  /** The table as bytes: a header, the arrays (8-byte aligned), then the words as UTF-8. */
  toBuffer(): Buffer {
    const text = Buffer.from(this.text, "utf8");
    const header = new Int32Array([MAGIC, this.offsets.length, this.slots.length, text.length]);
    const parts = [header, this.numbers, this.offsets, this.slots].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    const padded = parts.flatMap((b) => [b, Buffer.alloc((8 - (b.length % 8)) % 8)]);
    return Buffer.concat([...padded, text]);
  }

  /** A table read back from `toBuffer`'s bytes, or null when they are not one. */
  static fromBuffer(buffer: Buffer): WordTable | null {
    // typed-array views need an aligned offset: a pooled buffer is copied once
    const bytes = buffer.byteOffset % 8 === 0 ? buffer : Buffer.from(buffer);
    if (bytes.length < HEADER * 4) return null;
    const header = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, HEADER);
    const [magic, offsetCount, slotCount, textBytes] = header;
    if (magic !== MAGIC || offsetCount < 1 || slotCount < 2) return null;
    const pad = (n: number) => Math.ceil(n / 8) * 8;
    let at = pad(HEADER * 4);
    const valuesAt = at;
    at = pad(at + (offsetCount - 1) * 8);
    const offsetsAt = at;
    at = pad(at + offsetCount * 4);
    const slotsAt = at;
    at = pad(at + slotCount * 4);
    if (at + textBytes !== bytes.length) return null;
    const values = new Float64Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + valuesAt, offsetCount - 1);
    const offsets = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + offsetsAt, offsetCount);
    const slots = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + slotsAt, slotCount);
    const text = bytes.toString("utf8", at, at + textBytes);
    if (text.length !== offsets[offsetCount - 1]) return null;
    return new WordTable(text, offsets, slots, values);
  }

  /** The index of `word`, or -1. */
  indexOf(word: string): number {
    const mask = this.slots.length - 1;
    for (let s = hashOf(word) & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s];
      if (slot === 0) return -1;
      const i = slot - 1;
      const from = this.offsets[i];
      if (this.offsets[i + 1] - from === word.length && this.text.startsWith(word, from)) return i;
    }
  }

  /**
   * Articles ask about the same few thousand words again and again: answers are kept in a Map, whose
   * lookups use the hash V8 keeps on each string, where `indexOf` hashes the word afresh.
   */
  has(word: string): boolean {
    let known = this.answers.get(word);
    if (known === undefined) {
      if (this.answers.size >= MEMO_LIMIT) this.answers.clear();
      this.answers.set(word, (known = this.indexOf(word) >= 0));
    }
    return known;
  }

  private readonly answers = new Map<string, boolean>();

  /** The number kept for `word`, or `otherwise` when it is not in the table. */
  numberOf(word: string, otherwise = 0): number {
    const i = this.indexOf(word);
    return i < 0 ? otherwise : this.numbers[i];
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  wordAt(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }

  *[Symbol.iterator](): SetIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.wordAt(i);
  }

  keys(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  values(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  *entries(): SetIterator<[string, string]> {
    for (const w of this) yield [w, w];
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const w of this) callback.call(thisArg, w, w, this);
  }
}
