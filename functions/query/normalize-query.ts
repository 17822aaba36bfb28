/**
 * A query's text as the result cache keys it, so that texts differing only in layout share one answer:
 * comments dropped, every run of whitespace made one space (none next to braces, brackets, parentheses,
 * commas and semicolons), and the PREFIX declarations of the prologue written one way, in name order.
 * Strings and IRIs are kept byte for byte. Only what cannot change the answer is touched: no keyword case,
 * no dots (`1 .5` is not `1.5`), and the prologue keeps its order when it has BASE or names a prefix twice.
 *
 * It runs on every request before any limit but the query length, so it takes time linear in the text
 * whatever the text holds (unclosed quotes, thousands of comments or prefixes).
 */
export function normalizeQuery(query: string): string {
  return sortPrologue(join(scanQuery(query)));
}

/**
 * A query's shapes (one scan of its text; the pool keys its lanes and its breaker on them). `shape` is its
 * normalised text with every string and number written as a placeholder, so that
 * queries differing only in their constants (`FILTER(?x != "1")`, `"2"`, ...; `OFFSET 10`, `20`, ...)
 * share one. IRIs stay: the cost of a query often depends on which resource it asks about. In
 * `exactShape` numbers stay too: a LIMIT, an OFFSET or a bound can be what makes a query slow.
 */
export function queryShapes(query: string): { readonly shape: string; readonly exactShape: string } {
  const tokens = scanQuery(query);
  return { shape: shapeOf(tokens, false), exactShape: shapeOf(tokens, true) };
}

function shapeOf(tokens: readonly Token[], keepNumbers: boolean): string {
  return join(
    tokens.map((token) =>
      token.kind === 'string'
        ? { ...token, text: '""' }
        : token.kind === 'other' && !keepNumbers
          ? { ...token, text: token.text.replace(NUMBER, '0') }
          : token,
    ),
  );
}

// A number not part of a name (`?a0`, `sdg:16.2`, `ex:p-2`).
const NUMBER = /(?<![\w:?$.-])[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w:])/g;

interface Token {
  readonly kind: 'string' | 'iri' | 'other';
  readonly text: string;
  /** Whether whitespace or a comment came before it. */
  readonly spaced: boolean;
}

const IRI = /<[^<>"{}|^`\\\s]*>/y;
const PUNCTUATION = new Set(['{', '}', '(', ')', '[', ']', ',', ';']);
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);

/** The query as strings, IRIs and runs of other text, without whitespace and comments. */
function scanQuery(query: string): Token[] {
  const tokens: Token[] = [];
  let other = '';
  let spaced = false;
  let otherSpaced = false;
  // Past these positions a quote of that kind can start no closed string (see closingQuote).
  const unclosedFrom = new Map<string, number>();
  const flush = () => {
    if (other) tokens.push({ kind: 'other', text: other, spaced: otherSpaced });
    other = '';
  };
  const push = (kind: Token['kind'], text: string) => {
    flush();
    tokens.push({ kind, text, spaced });
    spaced = false;
  };
  for (let i = 0; i < query.length;) {
    const c = query[i]!;
    if (WHITESPACE.has(c) || c === '#') {
      if (c === '#') i = lineEnd(query, i);
      else i++;
      flush();
      spaced = true;
      continue;
    }
    if (c === '<') {
      IRI.lastIndex = i;
      const iri = IRI.exec(query)?.[0];
      if (iri) {
        push('iri', iri);
        i += iri.length;
        continue;
      }
    }
    if (c === '"' || c === "'") {
      const end = closingQuote(query, i, unclosedFrom);
      if (end > 0) {
        push('string', query.slice(i, end));
        i = end;
        continue;
      }
    }
    if (!other) {
      otherSpaced = spaced;
      spaced = false;
    }
    other += c;
    i++;
  }
  flush();
  return tokens;
}

/** Where the line holding `from` ends: scanned up to there only (indexOf would read on to the end). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * The end of the string opening at `i`, or -1 when it is not closed. A short string ends on its line, a
 * long one (`"""`, `'''`) anywhere after. When one is not closed, no later quote of its kind before that
 * line's end (or the text's, for long ones) can close one either, since any quote in between would have
 * closed it: remembered in `unclosedFrom`, so that each character is scanned a bounded number of times.
 */
function closingQuote(text: string, i: number, unclosedFrom: Map<string, number>): number {
  const quote = text[i]!;
  const long = text.startsWith(quote.repeat(3), i);
  const kind = long ? quote.repeat(3) : quote;
  if ((unclosedFrom.get(kind) ?? Infinity) <= i && i < (unclosedFrom.get(`${kind}<`) ?? 0)) return -1;
  let j = i + kind.length;
  for (; j < text.length; j++) {
    if (!long && (text[j] === '\n' || text[j] === '\r')) break;
    if (text[j] === '\\') j++;
    else if (text.startsWith(kind, j)) return j + kind.length;
  }
  unclosedFrom.set(kind, i);
  unclosedFrom.set(`${kind}<`, Math.min(j, text.length));
  return -1;
}

function join(tokens: readonly Token[]): string {
  const parts: string[] = [];
  // The last character written, kept apart: reading it from a growing string would flatten it each time.
  let last: string | undefined;
  for (const token of tokens) {
    if (token.spaced && last !== undefined && !PUNCTUATION.has(last) && !PUNCTUATION.has(token.text[0]!))
      parts.push(' ');
    parts.push(token.text);
    last = token.text[token.text.length - 1];
  }
  return parts.join('');
}

const DECLARATION = /PREFIX ?((?:[A-Za-z][\w.-]*)?): ?(<[^<>"{}|^`\\\s]*>) ?/iy;

/**
 * Writes the PREFIX declarations at the start of a normalised query one way (`PREFIX name: <iri>`), in
 * name order where that cannot change the query; the rest is left as it is.
 */
function sortPrologue(query: string): string {
  const declarations: { name: string; text: string }[] = [];
  DECLARATION.lastIndex = 0;
  let rest = 0;
  for (let found = DECLARATION.exec(query); found; found = DECLARATION.exec(query)) {
    declarations.push({ name: found[1]!, text: `PREFIX ${found[1]}: ${found[2]}` });
    rest = DECLARATION.lastIndex;
  }
  if (declarations.length === 0) return query;
  const body = query.slice(rest);
  const names = new Set(declarations.map((d) => d.name));
  // A later declaration of the same name wins, and BASE changes how later IRIs resolve: keep the order.
  if (names.size === declarations.length && !/^BASE\b/i.test(body))
    declarations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...declarations.map((d) => d.text), body].join(' ');
}
