import { sparqlSyntax } from './sparql-parser.js';

/**
 * Comunica answers GRAPH by moving the graph name into each triple pattern inside (quad form). A GRAPH
 * whose group holds no triple pattern (`GRAPH ?g {}`, rdflib's `contexts()` query, or
 * `GRAPH ?g { FILTER(...) }`) thus loses its graph: ?g stays unbound, where SPARQL gives one solution per
 * named graph of the dataset. Such a group is rewritten in the query text, before Comunica parses it:
 *
 *   GRAPH ?g { P }   →  { VALUES ?g { <g1> <g2> ... } P }
 *   GRAPH <x> { P }  →  { FILTER(<x> IN (<g1>, <g2>, ...)) P }
 *
 * P holds no triple pattern, so it means the same in every graph; its filters see ?g bound, as in
 * Oxigraph. Groups that hold any triple, path, subquery, nested GRAPH, SERVICE or EXISTS stay as they
 * are (Comunica handles them). The caller supplies the named graphs of the query's dataset.
 */
export async function bindEmptyGraphPatterns(
  query: string,
  namedGraphs: () => readonly string[],
  baseIri: string,
): Promise<string> {
  if (!GRAPH_KEYWORD.test(query)) return query;
  const { parser, AstFactory } = await sparqlSyntax();
  let ast: unknown;
  try {
    ast = parser.parse(query, { astFactory: new AstFactory(), baseIRI: baseIri });
  } catch {
    return query; // Comunica's parser (the same one) reports the error.
  }
  const edits: Edit[] = [];
  for (const graph of graphPatterns(ast)) {
    if (holdsPatterns(graph.patterns)) continue;
    const edit = rewrite(query, graph, namedGraphs);
    if (edit) edits.push(edit);
  }
  // Right to left, so the offsets of earlier edits stay valid; pattern-free groups never nest.
  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((text, e) => `${text.slice(0, e.start)}${e.text}${text.slice(e.end)}`, query);
}

/** The GRAPH keyword before a variable, an IRI or a prefixed name; not "graph" inside an IRI. */
const GRAPH_KEYWORD = /(?:^|[\s{}.;])graph(?:\s*[?$<]|\s+[^\s{])/i;

interface Loc {
  readonly sourceLocationType: string;
  readonly start: number;
  readonly end: number;
}

interface GraphPattern {
  readonly name: { readonly subType: string; readonly loc: Loc };
  readonly patterns: unknown;
  readonly loc: Loc;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every `GRAPH` pattern of the query, also inside OPTIONAL, UNION, MINUS, subqueries and EXISTS. */
function* graphPatterns(node: unknown): Generator<GraphPattern> {
  if (Array.isArray(node)) {
    for (const item of node) yield* graphPatterns(item);
    return;
  }
  if (!isObject(node)) return;
  if (node.type === 'pattern' && node.subType === 'graph') yield node as unknown as GraphPattern;
  for (const [key, value] of Object.entries(node)) if (key !== 'loc') yield* graphPatterns(value);
}

/** Whether a part of the query reads triples (so Comunica binds the graph through them). */
function holdsPatterns(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(holdsPatterns);
  if (!isObject(node)) return false;
  if (node.type === 'triple' || node.type === 'tripleCollection' || node.type === 'path' || node.type === 'query')
    return true;
  if (node.type === 'pattern' && (node.subType === 'graph' || node.subType === 'service')) return true;
  if (node.type === 'expression' && node.subType === 'patternOperation') return true; // EXISTS, NOT EXISTS
  return Object.entries(node).some(([key, value]) => key !== 'loc' && holdsPatterns(value));
}

function rewrite(query: string, graph: GraphPattern, namedGraphs: () => readonly string[]): Edit | undefined {
  if (!isSource(graph.loc) || !isSource(graph.name.loc)) return undefined;
  const open = skipSpaceAndComments(query, graph.name.loc.end);
  if (query[open] !== '{' || query[graph.loc.end - 1] !== '}') return undefined;
  const name = query.slice(graph.name.loc.start, graph.name.loc.end);
  const body = query.slice(open + 1, graph.loc.end - 1);
  const iris = namedGraphs()
    .filter(isWritableIri)
    .map((iri) => `<${iri}>`);
  const binding =
    graph.name.subType === 'variable'
      ? `VALUES ${name} { ${iris.join(' ')} }`
      : `FILTER(${name} IN (${iris.join(', ')}))`;
  return { start: graph.loc.start, end: graph.loc.end, text: `{ ${binding}\n${body}\n}` };
}

/** IRIs that can be written between angle brackets as they are (N-Quads graph names always can). */
function isWritableIri(iri: string): boolean {
  return [...iri].every((c) => c.charCodeAt(0) > 0x20 && !'<>"{}|^`\\'.includes(c));
}

function skipSpaceAndComments(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

function isSource(loc: Loc | undefined): boolean {
  return loc?.sourceLocationType === 'source';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
