/**
 * Aho-Corasick over UTF-16 code units: which of many literals occur in a text, in one pass over it
 * (time linear in the text plus the literals found). The house-style matcher uses it as a prefilter
 * so that, of thousands of pattern rules, only those whose literal occurs run their regular expression.
 */
export class LiteralSet {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** ids ending at each state, including those of its suffix states (filled in by build) */
  private readonly out: number[][] = [[]];
  private built = false;

  add(literal: string, id: number): void {
    if (this.built) throw new Error("LiteralSet: add after build");
    let s = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      let t = this.next[s].get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[s].set(c, t);
      }
      s = t;
    }
    this.out[s].push(id);
  }

  build(): this {
    const queue: number[] = [];
    for (const t of this.next[0].values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        if (this.out[this.fail[t]].length) this.out[t] = this.out[t].concat(this.out[this.fail[t]]);
        queue.push(t);
      }
    }
    this.built = true;
    return this;
  }

  /** The ids of every literal that occurs in text, each once. */
  find(text: string, found: Set<number> = new Set()): Set<number> {
    if (!this.built) this.build();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = this.next[s].get(c);
      while (t === undefined && s !== 0) {
        s = this.fail[s];
        t = this.next[s].get(c);
      }
      s = t ?? 0;
      const out = this.out[s];
      for (let k = 0; k < out.length; k++) found.add(out[k]);
    }
    return found;
  }
}
