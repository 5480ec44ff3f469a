import { NAME_PARTICLES } from "@/lib/ingest/patterns";
import type { CheckContext } from "../context";
import { isCapitalised, startsSentence, stripPossessive, type Token } from "./tokens";

/** Words before a name that are not part of it ("President Donald Trump", "By Priya Natarajan"). */
const TITLES = new Set(
  ("president vice senator sen secretary minister prime mayor governor gov representative rep judge justice chief " +
    "general gen colonel col captain capt lieutenant lt sergeant sgt officer detective dr doctor mr mrs ms miss sir dame " +
    "lord lady king queen prince princess pope bishop rabbi imam father sister professor prof chancellor ambassador " +
    "commissioner superintendent director chairman chairwoman chair councillor councilor councilman councilwoman " +
    "speaker leader coach dictator alderman alderwoman spokesperson spokesman spokeswoman councilmember assemblyman " +
    "assemblywoman delegate sheriff deputy inspector trooper attorney republican democrat democratic by and the a an in at on for from with of to as")
    .split(" "),
);
/** First words of place names that look like given names ("New York", "San Diego"). */
const PLACE_PREFIXES = new Set(["new", "san", "santa", "los", "las", "saint", "st", "fort", "port", "mount", "lake", "north", "south", "east", "west", "upper", "lower", "great", "little"]);
/** Lower-case words inside one name; "and" joins two names, so it is no bridge. */
const BRIDGES = new Set([...NAME_PARTICLES, "of", "the"].filter((w) => w !== "and" && w !== "&"));
const NAME_SHAPE = /^\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*$/u;
/** "Mark-Viverito", "Holtz-Eakin": one surname; but "Pro-Clinton", "Anti-Trump" are prefixes, not names. */
const HYPHEN_PREFIXES = new Set(["pro", "anti", "ex", "non", "post", "pre", "mid", "neo", "pan", "trans", "co", "vice", "self", "all", "pseudo", "quasi", "semi", "ultra", "far"]);
/** A weekday after a name is when, not who: "said Pence Thursday". */
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/**
 * Last words that make a capitalised run an institution or a place, never a person ("Washington Post",
 * "Atlantic City", "Columbia Journalism School"): such a run may be quoted as a source, but no "he" or
 * "she" refers to it and no surname stands for it. Nouns that are common surnames too (Hall, Park,
 * Church, Banks) are left out; most such places are all dictionary words ("Central Park") anyway.
 */
const INSTITUTION_HEADS = new Set(
  ("post news times journal herald tribune gazette daily weekly magazine press radio television tv network channel " +
    "school university college academy institute party house city county state states republic kingdom department " +
    "ministry agency bureau committee commission council court congress senate assembly parliament bank company " +
    "corporation corp inc group foundation association union center centre campaign office administration board " +
    "club hospital museum airport station avenue road square islands mountains valley airlines army navy police " +
    "service services fund project program programme organization " +
    "organisation alliance coalition caucus conference convention movement society league team studio studios")
    .split(" "),
);
const NATIONALITY = /(?:an|ian|ean|ese|ish|ic)$/;
const key = (word: string) => stripPossessive(word).toLowerCase();

interface CapitalisedUse {
  count: number;
  inMultiWordName: boolean;
}

/**
 * The people and names of one article: which capitalised words are names (so not typos), and which
 * full name a surname stands for ("Trump" → "Donald Trump", the form first given in the article).
 */
export class NameIndex {
  /** capitalised words by lower-case key; lower-case words only counted (most words of an article) */
  private readonly capitalised = new Map<string, CapitalisedUse>();
  private readonly lowercase = new Map<string, number>();
  private readonly fullBySurname = new Map<string, string>();
  /** where a person is named outside quotation marks, in text order, for resolving "he" and "she" */
  private readonly mentions: Array<{ start: number; name: string }> = [];

  constructor(private readonly ctx: CheckContext) {
    const runs = this.collect();
    for (const run of runs) this.registerPerson(run);
    this.collectMentions();
  }

  /** A capitalised word the article uses as a name: inside a multi-word name, or always capitalised and used twice. */
  isName(word: string): boolean {
    const k = key(word);
    const s = this.capitalised.get(k);
    return !!s && (s.inMultiWordName || (s.count >= 2 && !this.lowercase.has(k)));
  }

  /** How often the article uses a word, in any case. */
  uses(word: string): number {
    const k = key(word);
    return (this.capitalised.get(k)?.count ?? 0) + (this.lowercase.get(k) ?? 0);
  }

  /** The full name a (sur)name stands for, or null when the article never gives one. */
  fullName(word: string): string | null {
    return this.fullBySurname.get(key(word)) ?? null;
  }

  /**
   * Who a capitalised word names: the full name the article gives for it, or the word itself when the
   * article uses it only as a name and the dictionary knows it in no form ("Bryne", given alone).
   */
  person(word: string): string | null {
    const full = this.fullName(word);
    if (full) return full;
    const bare = stripPossessive(word);
    const dictionary = this.ctx.dictionary;
    if (!NAME_SHAPE.test(bare) || !this.isName(bare) || dictionary.has(bare) || dictionary.has(bare.toLowerCase())) return null;
    return bare;
  }

  /** The last person named before `pos`: who "he" or "she" most likely is. */
  lastPersonBefore(pos: number): string | null {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.mentions[lo - 1].name : null;
  }

  /** Runs of capitalised words (bridged by "of", "de la" …) within a block, with per-word counts. */
  private collect(): Token[][] {
    const { text, tokens, titleCaseBlocks } = this.ctx;
    const runs: Token[][] = [];
    let run: Token[] = [];
    const close = () => {
      if (run.length === 0) return;
      while (run.length && (!isCapitalised(run[run.length - 1].text) || WEEKDAYS.has(run[run.length - 1].text.toLowerCase()))) run.pop();
      if (run.filter((t) => isCapitalised(t.text)).length >= 2) runs.push(run);
      run = [];
    };
    for (const t of tokens) {
      const block = t.block;
      if (!block || block.kind === "junk" || titleCaseBlocks.has(block)) {
        close();
        continue;
      }
      const cap = isCapitalised(t.text);
      const k = key(t.text);
      if (cap) {
        const use = this.capitalised.get(k);
        if (use) use.count++;
        else this.capitalised.set(k, { count: 1, inMultiWordName: false });
      } else this.lowercase.set(k, (this.lowercase.get(k) ?? 0) + 1);
      const prev = run[run.length - 1];
      const possessive = prev && (prev.text.endsWith("'s") || prev.text.endsWith("’s"));
      const gap = prev && prev.block === block && t.start === prev.end + 1 ? text[prev.end] : "";
      const hyphenated = (gap === "-" || gap === "‐") && cap && !HYPHEN_PREFIXES.has(prev.text.toLowerCase());
      const joined = prev && (gap === " " || hyphenated) && !possessive;
      const bridge = !cap && BRIDGES.has(t.text);
      if (joined && (cap || bridge)) run.push(t);
      else {
        close();
        if (cap) run = [t];
      }
    }
    close();
    for (const r of runs) {
      // a sentence's first word is capitalised anyway: it joins the name only beside a real name ("Gustavo Petro", not "Teh National Guard")
      const first = r[0];
      const properRest = r.slice(1).some((t) => isCapitalised(t.text) && !this.ctx.dictionary.has(t.text.toLowerCase()));
      for (const t of r) {
        if (!isCapitalised(t.text)) continue;
        if (t === first && !properRest && startsSentence(text, t.start, t.block!.start)) continue;
        this.capitalised.get(key(t.text))!.inMultiWordName = true;
      }
    }
    return runs;
  }

  private registerPerson(run: Token[]) {
    const block = run[0].block!;
    let from = 0;
    run.forEach((t, i) => {
      const lower = t.text.toLowerCase();
      const afterOf = i > 0 && ["of", "the"].includes(run[i - 1].text);
      if (TITLES.has(lower) || afterOf) from = i + 1;
    });
    // "During Trump's visit", "Despite …": a capitalised ordinary word only because it starts the sentence
    while (from < run.length && startsSentence(this.ctx.text, run[from].start, block.start) && this.ctx.dictionary.has(run[from].text.toLowerCase())) from++;
    let name = run.slice(from);
    const words = name.filter((t) => isCapitalised(t.text));
    if (words.length < 2 || !isCapitalised(name[0].text)) return;
    if (words.length > 3) name = name.slice(-2);
    if (!name.every((t) => NAME_SHAPE.test(stripPossessive(t.text)) || BRIDGES.has(t.text))) return;
    if (PLACE_PREFIXES.has(name[0].text.toLowerCase())) return;
    if (INSTITUTION_HEADS.has(key(name[name.length - 1].text))) return;
    if (words.every((t) => this.ctx.dictionary.has(key(t.text)))) return; // "White House", "Cedar Hollow"
    const last = stripPossessive(name[name.length - 1].text);
    if (NATIONALITY.test(last) && this.ctx.dictionary.has(last)) return; // "Latin American"
    const full = stripPossessive(this.ctx.text.slice(name[0].start, name[name.length - 1].end));
    if (!this.fullBySurname.has(key(last))) this.fullBySurname.set(key(last), full);
    if (!this.fullBySurname.has(full.toLowerCase())) this.fullBySurname.set(full.toLowerCase(), full);
  }

  private collectMentions() {
    const quotes = this.ctx.quotes;
    let q = 0;
    for (const t of this.ctx.proseTokens) {
      while (q < quotes.length && quotes[q].end <= t.start) q++;
      if (q < quotes.length && quotes[q].start <= t.start) continue;
      if (!isCapitalised(t.text)) continue;
      const name = this.fullName(t.text);
      if (name) this.mentions.push({ start: t.start, name });
    }
  }
}
