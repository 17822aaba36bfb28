/**
 * A query's text as the result cache keys it, so that texts differing only in layout share one answer:
 * comments dropped, every run of whitespace made one space (none next to braces, brackets, parentheses,
 * commas and semicolons), and the PREFIX declarations of the prologue written one way, in name order. Strings and IRIs
 * are kept byte for byte. Only what cannot change the answer is touched: no keyword case, no dots
 * (`1 .5` is not `1.5`), and the prologue is left as written when it has BASE or names a prefix twice.
 */
export function normalizeQuery(query: string): string {
  return sortPrologue(squeeze(query));
}

const IRI = /<[^<>"{}|^`\\\s]*>/y;
const LONG_STRING = /("""|''')(?:[^\\]|\\[\s\S])*?\1/y;
const STRING = /("|')(?:[^"'\\\n\r]|\\.|(?!\1)["'])*\1/y;
const PUNCTUATION = new Set(['{', '}', '(', ')', '[', ']', ',', ';']);

function squeeze(query: string): string {
  let out = '';
  let space = false;
  const emit = (text: string) => {
    if (space && out.length > 0 && !PUNCTUATION.has(out[out.length - 1]!) && !PUNCTUATION.has(text[0]!)) out += ' ';
    space = false;
    out += text;
  };
  for (let i = 0; i < query.length;) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === '#') {
      const end = query.slice(i).search(/[\n\r]/);
      i = end < 0 ? query.length : i + end;
      space = true;
      continue;
    }
    const token = c === '<' ? match(IRI, query, i) : c === '"' || c === "'" ? stringAt(query, i) : undefined;
    if (token) {
      emit(token);
      i += token.length;
      continue;
    }
    emit(c);
    i++;
  }
  return out;
}

function stringAt(query: string, i: number): string | undefined {
  return match(LONG_STRING, query, i) ?? match(STRING, query, i);
}

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

const DECLARATION = /^PREFIX ?((?:[A-Za-z][\w.-]*)?): ?(<[^<>"{}|^`\\\s]*>)/i;

/**
 * Writes the PREFIX declarations at the start of a squeezed query one way (`PREFIX name: <iri>`), in name
 * order where that cannot change the query; the rest is left as it is.
 */
function sortPrologue(query: string): string {
  const declarations: { name: string; text: string }[] = [];
  let rest = query;
  for (let found = DECLARATION.exec(rest); found; found = DECLARATION.exec(rest)) {
    declarations.push({ name: found[1]!, text: `PREFIX ${found[1]}: ${found[2]}` });
    rest = rest.slice(found[0].length).trimStart();
  }
  if (declarations.length === 0) return query;
  const names = new Set(declarations.map((d) => d.name));
  // A later declaration of the same name wins, and BASE changes how later IRIs resolve: keep the order.
  if (names.size === declarations.length && !/^BASE\b/i.test(rest))
    declarations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...declarations.map((d) => d.text), rest].join(' ');
}
