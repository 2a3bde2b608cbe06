/**
 * Builds a string that matches a simple regular expression, enough for the
 * patterns Clerk's spec uses (anchors, classes, \w \d \S, groups with
 * alternation, quantifiers). `variant` picks different characters so that
 * two items of one array differ (uniqueItems).
 */
export function regexSample(re: RegExp, variant = 0): string | undefined {
  for (const v of [variant, 0, 1]) {
    try {
      const out = new Generator(re.source, v).alternation();
      if (re.test(out)) return out;
    } catch {
      // an unsupported construct: try the next variant, then give up
    }
  }
  return undefined;
}

const WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
const DIGITS = "0123456789";
const PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

class Generator {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly variant: number,
  ) {}

  alternation(): string {
    const first = this.sequence();
    // Take the first branch; skip the others.
    while (this.src[this.pos] === "|") {
      this.pos++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let out = "";
    while (this.pos < this.src.length && this.src[this.pos] !== "|" && this.src[this.pos] !== ")") {
      const start = this.pos;
      const atom = this.atom();
      const [min, max] = this.quantifier();
      // One repetition for * ? + keeps optional parts present and realistic.
      const count = Math.max(min, Math.min(1, max));
      if (count === 0) continue;
      out += atom;
      for (let i = 1; i < count; i++) {
        const end = this.pos;
        this.pos = start;
        out += this.atom();
        this.quantifier();
        this.pos = end;
      }
    }
    return out;
  }

  private quantifier(): [number, number] {
    const c = this.src[this.pos];
    if (c === "*") return this.skipLazy(0, Infinity);
    if (c === "+") return this.skipLazy(1, Infinity);
    if (c === "?") return this.skipLazy(0, 1);
    if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m) {
        this.pos += m[0].length - 1;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
        return this.skipLazy(min, max);
      }
    }
    return [1, 1];
  }

  private skipLazy(min: number, max: number): [number, number] {
    this.pos++;
    if (this.src[this.pos] === "?") this.pos++;
    return [min, max];
  }

  private atom(): string {
    const c = this.src[this.pos++]!;
    if (c === "^" || c === "$") return "";
    if (c === ".") return this.pick(PRINTABLE.slice(0, 52));
    if (c === "(") {
      if (this.src.startsWith("?:", this.pos)) this.pos += 2;
      const inner = this.alternation();
      if (this.src[this.pos] !== ")") throw new Error("unbalanced group");
      this.pos++;
      return inner;
    }
    if (c === "[") return this.pick(this.charClass());
    if (c === "\\") return this.pick(this.escape());
    return c;
  }

  private escape(): string {
    const e = this.src[this.pos++]!;
    if (e === "w") return WORD;
    if (e === "d") return DIGITS;
    if (e === "S" || e === "W" || e === "D") return e === "S" ? WORD.slice(0, 52) : "-";
    if (e === "s") return " ";
    return e;
  }

  private charClass(): string {
    const negated = this.src[this.pos] === "^";
    if (negated) this.pos++;
    let set = "";
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== "]" || first)) {
      first = false;
      const c = this.src[this.pos++]!;
      if (c === "\\") {
        set += this.escape();
        continue;
      }
      if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]" && this.pos + 1 < this.src.length) {
        const to = this.src[this.pos + 1]!;
        this.pos += 2;
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) set += String.fromCharCode(code);
        continue;
      }
      set += c;
    }
    this.pos++; // ]
    if (!negated) return set;
    return [...PRINTABLE].filter((ch) => !set.includes(ch)).join("");
  }

  private pick(chars: string): string {
    if (chars.length === 0) throw new Error("empty class");
    // Prefer letters: they satisfy the most classes and never need escaping in paths.
    const letters = [...chars].filter((ch) => /[a-zA-Z]/.test(ch));
    const pool = letters.length > 0 ? letters : [...chars];
    return pool[this.variant % pool.length]!;
  }
}
