import { Parser } from 'n3';

/**
 * Whether two engines gave the same answer to a query: SPARQL JSON results (SELECT, ASK) or N-Triples
 * (CONSTRUCT). Rows are compared in order only where the query has ORDER BY (ties in any order); a
 * GROUP_CONCAT value is compared as the set of its parts, without language tag (SPARQL 1.1 makes it a
 * simple literal, Oxigraph keeps a tag its parts share); blank nodes as "some blank node"; numbers by value
 * (engines may write 2.50 or 2.5E0 for the same decimal or double).
 */
export function compareAnswers(query: string, ours: string, theirs: string, accept: string): string | undefined {
  if (accept === 'application/n-triples') return compareGraphs(ours, theirs);
  const a = JSON.parse(ours) as SparqlJson;
  const b = JSON.parse(theirs) as SparqlJson;
  if ('boolean' in a || 'boolean' in b) return a.boolean === b.boolean ? undefined : `ASK: ${a.boolean} ≠ ${b.boolean}`;
  const vars = a.head.vars;
  if ([...vars].sort().join() !== [...b.head.vars].sort().join())
    return `variables: ${vars.join(' ')} ≠ ${b.head.vars.join(' ')}`;
  const concatenated = groupConcatSeparators(query);
  const rowsOf = (json: SparqlJson) =>
    json.results!.bindings.map((row) => vars.map((v) => termKey(row[v], concatenated.get(v))));
  const ra = rowsOf(a);
  const rb = rowsOf(b);
  if (ra.length !== rb.length) return `${ra.length} rows ≠ ${rb.length} rows`;
  // Rows that tie on every ORDER BY key may come in any order: compare the runs of equal keys in order,
  // and the rows within a run as a multiset. Without ORDER BY (or with an expression as key) the whole
  // answer is one run.
  const keys = orderKeys(query)?.map((v) => vars.indexOf(v));
  const runsOf = (rows: string[][]) => {
    const runs: string[] = [];
    let key: string | undefined;
    let run: string[] = [];
    for (const row of rows) {
      const rowKey = keys && !keys.includes(-1) ? keys.map((i) => row[i]).join('\t') : '';
      if (rowKey !== key && run.length > 0) runs.push(`${key}: ${run.sort().join(' | ')}`);
      if (rowKey !== key) run = [];
      key = rowKey;
      run.push(row.join('\t'));
    }
    if (run.length > 0) runs.push(`${key}: ${run.sort().join(' | ')}`);
    return runs;
  };
  const runsA = runsOf(ra);
  const runsB = runsOf(rb);
  const at = runsA.findIndex((run, i) => run !== runsB[i]);
  return at < 0 ? undefined : `${runsA[at]} ≠ ${runsB[at] ?? 'nothing'}`;
}

/** The variables of the query's last ORDER BY, when every key is a variable (ASC/DESC allowed). */
function orderKeys(query: string): string[] | undefined {
  const clause =
    /\bORDER\s+BY\s+((?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+)(?:\s+(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+))*)\s*(?:LIMIT|OFFSET|$)/i.exec(
      query.trim(),
    );
  return clause ? [...clause[1]!.matchAll(/\?(\w+)/g)].map((m) => m[1]!) : undefined;
}

interface SparqlJson {
  head: { vars: string[] };
  boolean?: boolean;
  results?: { bindings: Record<string, JsonTerm>[] };
}

interface JsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'typed-literal' | 'triple';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NUMERIC = new Set(['decimal', 'double', 'float'].map((t) => XSD + t));

function termKey(term: JsonTerm | undefined, separator: string | undefined): string {
  // An unbound GROUP_CONCAT is the empty set too: Comunica gives "" where Oxigraph leaves it unbound.
  if (separator !== undefined) return JSON.stringify(term ? term.value.split(separator).sort().join(separator) : '');
  if (!term) return '-';
  if (term.type === 'uri') return `<${term.value}>`;
  if (term.type === 'bnode') return '_:';
  const value = term.datatype && NUMERIC.has(term.datatype) ? String(Number(term.value)) : term.value;
  if (term['xml:lang']) return `${JSON.stringify(value)}@${term['xml:lang'].toLowerCase()}`;
  const datatype = term.datatype && term.datatype !== `${XSD}string` ? term.datatype : '';
  return datatype ? `${JSON.stringify(value)}^^${datatype}` : JSON.stringify(value);
}

/** The variables bound to GROUP_CONCAT in the query, with their separators (a space by default). */
function groupConcatSeparators(query: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern =
    /GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?(?:separator\s*=\s*"((?:[^"\\]|\\.)*)")?\s*\)\s+AS\s+\?(\w+)/gi;
  for (const match of query.matchAll(pattern))
    found.set(match[2]!, match[1] === undefined ? ' ' : JSON.parse(`"${match[1]}"`));
  return found;
}

function compareGraphs(ours: string, theirs: string): string | undefined {
  const keys = (text: string) =>
    new Parser({ format: 'application/n-triples' })
      .parse(text)
      .map(
        (q) =>
          `${q.subject.termType === 'BlankNode' ? '_:' : q.subject.value} ${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_:' : q.object.id}`,
      )
      .sort();
  const a = keys(ours);
  const b = keys(theirs);
  if (a.length !== b.length) return `${a.length} triples ≠ ${b.length} triples`;
  const at = a.findIndex((t, i) => t !== b[i]);
  return at < 0 ? undefined : `triple ${a[at]} ≠ ${b[at]}`;
}
