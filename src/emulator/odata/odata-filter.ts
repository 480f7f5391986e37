// A small OData $filter: comparisons (eq ne gt ge lt le), `in (...)`, and/or/not and parentheses,
// over the fields the contract lists in x-filterable. Enough for every documented example
// (docs/contract.md#list); anything else is a 400 ODataError, never a silent match-all.

export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

export class ODataFilterError extends Error {}

type Token = { kind: 'word' | 'string' | 'punct'; text: string };

const DATE_FIELDS = new Set(['creationDateTimeUtc', 'lastUpdateDateTimeUtc', 'cancellationDateTimeUtc']);
const ORDERING = new Set(['gt', 'ge', 'lt', 'le']);
// Parentheses and `not` nest by recursion: a bound keeps thousands of them from overflowing the
// stack (a 500); no documented filter comes near it (docs/emulator.md#limits).
const MAX_FILTER_DEPTH = 64;

export function parseFilter(text: string, filterable: readonly string[]): Predicate {
  const parser = new Parser(tokenize(text), new Set(filterable));
  const predicate = parser.expression();
  parser.end();
  return predicate;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^']|'')*)'|([(),])|([^\s(),']+))/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) throw new ODataFilterError(`Cannot read $filter near "${text.slice(index, index + 20)}".`);
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/''/g, "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'punct', text: match[2] });
    else tokens.push({ kind: 'word', text: match[3]! });
    index = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  #at = 0;
  #depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fields: Set<string>,
  ) {}

  // and/or chains are kept flat: a closure per operand would recurse once per operand when evaluated.
  expression(): Predicate {
    const parts = [this.#and()];
    while (this.#keyword('or')) parts.push(this.#and());
    return parts.length === 1 ? parts[0]! : (row) => parts.some((part) => part(row));
  }

  end(): void {
    const extra = this.tokens[this.#at];
    if (extra) throw new ODataFilterError(`Unexpected "${extra.text}" in $filter.`);
  }

  #and(): Predicate {
    const parts = [this.#unary()];
    while (this.#keyword('and')) parts.push(this.#unary());
    return parts.length === 1 ? parts[0]! : (row) => parts.every((part) => part(row));
  }

  #unary(): Predicate {
    if (this.#keyword('not')) {
      const inner = this.#nested(() => this.#unary());
      return (row) => !inner(row);
    }
    if (this.#punct('(')) {
      const inner = this.#nested(() => this.expression());
      this.#expect(')');
      return inner;
    }
    return this.#comparison();
  }

  #nested(parse: () => Predicate): Predicate {
    if (++this.#depth > MAX_FILTER_DEPTH)
      throw new ODataFilterError(
        `$filter nests parentheses and "not" more than ${MAX_FILTER_DEPTH} levels deep.`,
      );
    const inner = parse();
    this.#depth -= 1;
    return inner;
  }

  #comparison(): Predicate {
    const field = this.#next('a field name');
    if (field.kind !== 'word' || !this.fields.has(field.text))
      throw new ODataFilterError(
        `"${field.text}" cannot be filtered on; use one of ${[...this.fields].join(', ')}.`,
      );
    const name = field.text;
    const op = this.#next('an operator').text;
    if (op === 'in') {
      this.#expect('(');
      const values = [this.#value(name)];
      while (this.#punct(',')) values.push(this.#value(name));
      this.#expect(')');
      return (row) => values.some((value) => equal(row[name], value));
    }
    if (op === 'eq' || op === 'ne') {
      const value = this.#value(name);
      return op === 'eq' ? (row) => equal(row[name], value) : (row) => !equal(row[name], value);
    }
    if (ORDERING.has(op)) {
      if (!DATE_FIELDS.has(name))
        throw new ODataFilterError(`"${op}" is supported on dates only, not on ${name}.`);
      const value = this.#value(name);
      if (typeof value !== 'number') throw new ODataFilterError(`${name} ${op} needs a date-time value.`);
      return (row) => {
        const t = Date.parse(String(row[name]));
        if (Number.isNaN(t)) return false;
        return op === 'gt' ? t > value : op === 'ge' ? t >= value : op === 'lt' ? t < value : t <= value;
      };
    }
    throw new ODataFilterError(`Unknown operator "${op}" in $filter; use eq, ne, in, gt, ge, lt or le.`);
  }

  // Strings are quoted; dates may be quoted or bare (2024-01-01T00:00:00Z); null is null.
  #value(field: string): string | number | null {
    const token = this.#next('a value');
    if (token.kind === 'word' && token.text === 'null') return null;
    if (DATE_FIELDS.has(field)) {
      const t = Date.parse(token.text);
      if (Number.isNaN(t)) throw new ODataFilterError(`"${token.text}" is not a date-time.`);
      return t;
    }
    if (token.kind !== 'string')
      throw new ODataFilterError(`${field} needs a quoted string, got ${token.text}.`);
    return token.text;
  }

  #keyword(word: string): boolean {
    const token = this.tokens[this.#at];
    if (token?.kind === 'word' && token.text.toLowerCase() === word) {
      this.#at += 1;
      return true;
    }
    return false;
  }

  #punct(text: string): boolean {
    const token = this.tokens[this.#at];
    if (token?.kind === 'punct' && token.text === text) {
      this.#at += 1;
      return true;
    }
    return false;
  }

  #expect(text: string): void {
    if (!this.#punct(text)) throw new ODataFilterError(`Expected "${text}" in $filter.`);
  }

  #next(what: string): Token {
    const token = this.tokens[this.#at];
    if (!token) throw new ODataFilterError(`$filter ends where ${what} was expected.`);
    this.#at += 1;
    return token;
  }
}

// Dates compare as instants; strings without case, as the service's store does for ids [INF].
function equal(actual: unknown, expected: string | number | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'number') return Date.parse(String(actual)) === expected;
  return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
}
