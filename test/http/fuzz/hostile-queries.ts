import type { Prng } from './prng.js';
import { PREFIXES } from './sparql-grammar.js';

/** Queries that target known weak spots of SPARQL servers, each family generated with variations. */

/** Groups, OPTIONAL, UNION and parentheses nested hundreds deep. */
export function deepNesting(random: Prng): string {
  const depth = random.pick([50, 200, 500, 1000, 3000]);
  switch (random.int(0, 4)) {
    case 0:
      return `SELECT * WHERE ${'{ '.repeat(depth)}?s ?p ?o${' }'.repeat(depth)}`;
    case 1:
      return `SELECT * WHERE { ?s ?p ?o ${'OPTIONAL { ?s ?p ?o '.repeat(depth)}${'} '.repeat(depth)}} LIMIT 1`;
    case 2:
      return `SELECT * WHERE { ${Array.from({ length: depth }, () => '{ ?s ?p ?o }').join(' UNION ')} } LIMIT 1`;
    case 3:
      return `SELECT * WHERE { ?s ?p ?o FILTER(${'('.repeat(depth)}?o${')'.repeat(depth)} = 1) } LIMIT 1`;
    default:
      // Unbalanced on purpose: opens without closes.
      return `ASK ${'{ OPTIONAL '.repeat(depth)}`;
  }
}

/** String literals from 10 KB to past the query length limit. */
export function hugeLiteral(random: Prng): string {
  const size = random.pick([10_000, 60_000, 70_000, 500_000]);
  const char = random.pick(['x', 'é', '😀', '\\u0041', '\\"']);
  const literal = char.repeat(Math.ceil(size / char.length));
  return random.chance(0.5) ? `SELECT ("${literal}" AS ?x) WHERE {}` : `SELECT * WHERE { ?s ?p "${literal}" }`;
}

/** Patterns and flags no regex engine accepts, and patterns that backtrack catastrophically. */
export function badRegex(random: Prng): string {
  const pattern = random.pick([
    '[',
    '(',
    ')',
    '*',
    '+?*',
    'a{2,1}',
    '(?<',
    '\\\\',
    '[z-a]',
    '(?P<x>a)',
    '\\\\k<x>',
    '(a+)+$',
    '(a|aa)*b',
    '(.*a){20}',
  ]);
  const flags = random.pick(['', 'i', 'z', 'gg', 'ismx', 'q', '\\u0000']);
  const text = random.chance(0.5) ? 'STR(?o)' : `"${'a'.repeat(random.int(1, 40))}c"`;
  const call = flags ? `REGEX(${text}, "${pattern}", "${flags}")` : `REGEX(${text}, "${pattern}")`;
  return random.pick([
    `${PREFIXES}SELECT * WHERE { ?s ?p ?o FILTER(${call}) }`,
    `${PREFIXES}SELECT (${call} AS ?m) WHERE { ?s ?p ?o } LIMIT 20`,
    `${PREFIXES}SELECT (REPLACE(STR(?o), "${pattern}", "x"${flags ? `, "${flags}"` : ''}) AS ?r) WHERE { ?s ?p ?o } LIMIT 20`,
    `${PREFIXES}ASK { ?s ?p ?o FILTER(!${call}) }`,
  ]);
}

/** Joins without a shared variable: the result grows as a power of the graph's size (index: which form). */
export function cartesian(index: number): string {
  const n = 2 + (index % 3);
  const patterns = Array.from({ length: n }, (_, i) => `?s${i} ?p${i} ?o${i}`).join(' . ');
  const forms = [
    `SELECT (COUNT(*) AS ?n) WHERE { ${patterns} }`,
    `SELECT * WHERE { ${patterns} } ORDER BY ?o0`,
    `SELECT * WHERE { ${patterns} }`,
    `CONSTRUCT { ?s0 ?p0 ?o1 } WHERE { ${patterns} }`,
  ];
  return forms[index % forms.length]!;
}

/** Property paths that explode: alternatives with inverses under stars, nested stars, negated sets (index: which). */
export function pathological(random: Prng, index: number): string {
  const paths = [
    '(ex:p|^ex:p)*/(ex:p)*',
    '(ex:p|ex:q)*/(ex:q|^ex:p)*/(ex:p)*',
    '((ex:p|^ex:q)*)*',
    '(!(rdf:type))*/(!(rdf:type))*',
    '(ex:p/ex:q|^ex:q/^ex:p)+',
    '(ex:p?/ex:q?)*',
  ];
  const path = paths[index % paths.length]!;
  return random.pick([
    `${PREFIXES}SELECT * WHERE { ?s ${path} ?o }`,
    `${PREFIXES}SELECT (COUNT(*) AS ?n) WHERE { ?s ${path} ?o }`,
    `${PREFIXES}ASK { ?s ${path} ?o . ?o ${path} ?s }`,
    `${PREFIXES}SELECT * WHERE { <http://example.org/fuzz/node/1> ${path} ?o }`,
  ]);
}

/** Every SPARQL 1.1 Update operation (the endpoint is read-only: each must be refused with 403). */
export const UPDATE_FORMS: readonly string[] = [
  `${PREFIXES}INSERT DATA { ex:s ex:p "o" }`,
  `${PREFIXES}INSERT DATA { GRAPH ex:g { ex:s ex:p "o" } }`,
  `${PREFIXES}DELETE DATA { ex:s ex:p "o" }`,
  `${PREFIXES}DELETE { ?s ?p ?o } INSERT { ?s ?p "x" } WHERE { ?s ?p ?o }`,
  `${PREFIXES}WITH ex:g DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }`,
  `${PREFIXES}INSERT { ?s ex:copy ?o } WHERE { ?s ex:p ?o }`,
  'DELETE WHERE { ?s ?p ?o }',
  'LOAD <http://127.0.0.1:9/data.ttl>',
  'LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://example.org/g>',
  'CLEAR DEFAULT',
  'CLEAR ALL',
  'CLEAR SILENT GRAPH <http://example.org/g>',
  'CREATE GRAPH <http://example.org/new>',
  'DROP ALL',
  'DROP GRAPH <http://example.org/fuzz/graph/1>',
  'COPY DEFAULT TO <http://example.org/g>',
  'MOVE <http://example.org/fuzz/graph/1> TO DEFAULT',
  'ADD <http://example.org/fuzz/graph/1> TO <http://example.org/fuzz/graph/2>',
  'CLEAR ALL ; INSERT DATA { <http://a> <http://b> <http://c> }',
];
