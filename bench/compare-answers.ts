import { Parser } from 'n3';

/** The outcome of a comparison: what differs, if anything, and how many differences were tolerated. */
export interface Comparison {
  readonly mismatch?: string;
  /**
   * GROUP_CONCAT values Oxigraph left unbound where Comunica concatenated: with an unbound value in the
   * group, Oxigraph's whole GROUP_CONCAT is unbound, where Comunica skips the unbound values.
   */
  readonly unboundConcatenations: number;
}

/**
 * Whether two engines gave the same answer to a query: SPARQL JSON results (SELECT, ASK) or N-Triples
 * (CONSTRUCT). Rows are compared in order only where the query has ORDER BY (ties in any order); a
 * GROUP_CONCAT value is compared as the set of its parts, without language tag (SPARQL 1.1 makes it a
 * simple literal, Oxigraph keeps a tag its parts share), and one Oxigraph left unbound matches any (see
 * Comparison); blank nodes as "some blank node"; numbers by value (engines may write 2.50 or 2.5E0 for the
 * same decimal or double).
 */
export function compareAnswers(query: string, ours: string, theirs: string, accept: string): Comparison {
  const none = { unboundConcatenations: 0 };
  if (accept === 'application/n-triples') return { ...none, ...mismatchOf(compareGraphs(ours, theirs)) };
  const a = JSON.parse(ours) as SparqlJson;
  const b = JSON.parse(theirs) as SparqlJson;
  if ('boolean' in a || 'boolean' in b)
    return { ...none, ...mismatchOf(a.boolean === b.boolean ? undefined : `ASK: ${a.boolean} ≠ ${b.boolean}`) };
  const vars = a.head.vars;
  if ([...vars].sort().join() !== [...b.head.vars].sort().join())
    return { ...none, mismatch: `variables: ${vars.join(' ')} ≠ ${b.head.vars.join(' ')}` };
  const concatenated = groupConcatSeparators(query);
  const rowsOf = (json: SparqlJson, unboundMatchesAny: boolean) =>
    json.results!.bindings.map((row) =>
      vars.map((v) =>
        unboundMatchesAny && concatenated.has(v) && !row[v] ? ANY : termKey(row[v], concatenated.get(v)),
      ),
    );
  const ra = rowsOf(a, false);
  const rb = rowsOf(b, true);
  if (ra.length !== rb.length) return { ...none, mismatch: `${ra.length} rows ≠ ${rb.length} rows` };
  // Rows that tie on every ORDER BY key may come in any order: compare the runs of equal keys in order,
  // and the rows within a run as a multiset. Without ORDER BY (or with an expression as key) the whole
  // answer is one run.
  const keys = orderKeys(query)?.map((v) => vars.indexOf(v));
  const runsOf = (rows: string[][]) => {
    const runs: { key: string; rows: string[][] }[] = [];
    for (const row of rows) {
      const key = keys && !keys.includes(-1) ? keys.map((i) => row[i]).join('\t') : '';
      if (runs.at(-1)?.key === key) runs.at(-1)!.rows.push(row);
      else runs.push({ key, rows: [row] });
    }
    return runs;
  };
  const runsA = runsOf(ra);
  const runsB = runsOf(rb);
  let unboundConcatenations = 0;
  for (let i = 0; i < Math.max(runsA.length, runsB.length); i++) {
    const show = (run?: { key: string; rows: string[][] }) =>
      run ? `${run.key}: ${run.rows.map((r) => r.join('\t')).join(' | ')}` : 'nothing';
    const [x, y] = [runsA[i], runsB[i]];
    if (!x || !y || x.key !== y.key || x.rows.length !== y.rows.length)
      return { unboundConcatenations, mismatch: `${show(x)} ≠ ${show(y)}` };
    const left = [...x.rows];
    for (const row of y.rows) {
      const at = left.findIndex((candidate) => candidate.every((cell, c) => row[c] === ANY || cell === row[c]));
      if (at < 0) return { unboundConcatenations, mismatch: `${show(x)} ≠ ${show(y)}` };
      unboundConcatenations += row.filter((cell, c) => cell === ANY && left[at]![c] !== '""').length;
      left.splice(at, 1);
    }
  }
  return { unboundConcatenations };
}

const ANY = '\u0000any';

const mismatchOf = (mismatch: string | undefined) => (mismatch ? { mismatch } : {});

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
