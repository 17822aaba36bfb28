import type { Literal, Quad } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { UnsupportedJsonLd, type Compacted, type TermCompactor } from './jsonld-terms.js';

const RDF_TYPE = `${NS.rdf}type`;
const RDF_JSON = `${NS.rdf}JSON`;

/** One subject of a graph as JSON-LD sees it: its types and its other values, in the order of the quads. */
export interface NodeData {
  readonly id: string;
  readonly types: string[];
  /** Property IRI → objects (IRIs or literals), duplicates kept as jsonld.js keeps them. */
  readonly values: Map<string, ({ node: string } | { literal: Literal })[]>;
}

/** Adds one quad's triple to the node map the way jsonld.js's `fromRDF` does (without native types). */
export function addTriple(nodes: Map<string, NodeData>, q: Quad): void {
  if (q.subject.termType !== 'NamedNode') throw new UnsupportedJsonLd(`${q.subject.termType} subject`);
  let node = nodes.get(q.subject.value);
  if (!node) nodes.set(q.subject.value, (node = { id: q.subject.value, types: [], values: new Map() }));
  const o = q.object;
  if (o.termType === 'NamedNode' && q.predicate.value === RDF_TYPE) {
    node.types.push(o.value);
    return;
  }
  let list = node.values.get(q.predicate.value);
  if (!list) node.values.set(q.predicate.value, (list = []));
  if (o.termType === 'NamedNode') list.push({ node: o.value });
  else if (o.termType === 'Literal' && o.datatype.value !== RDF_JSON) list.push({ literal: o });
  else throw new UnsupportedJsonLd(`${o.termType} object`);
}

/** Sets a key the way jsonld.js adds a value: alone the first time, an array from the second. */
function addValue(out: Record<string, Compacted>, key: string, value: Compacted): void {
  if (!Object.hasOwn(out, key)) out[key] = value;
  else {
    const existing = out[key]!;
    if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
}

/**
 * A node compacted: `@graph` (if given), its id, its reverse properties (if given), its types, then its
 * properties in IRI order. `embed` decides, for each node value, whether it is embedded (and how).
 */
export function compactNode(
  terms: TermCompactor,
  node: NodeData,
  options: {
    graph?: Compacted[];
    reverse?: readonly (readonly [string, readonly Compacted[]])[];
    embed?: (iri: string) => Compacted | undefined;
  } = {},
): Record<string, Compacted> {
  const out: Record<string, Compacted> = {};
  if (options.graph) out['@graph'] = options.graph;
  out[terms.keyword('@id')] = terms.id(node.id);
  for (const [iri, values] of options.reverse ?? []) {
    for (const value of values) {
      const [key] = terms.property(iri, { node: '', embedded: value }, true);
      if (!Object.hasOwn(out, key)) out[key] = [];
      (out[key] as Compacted[]).push(value);
    }
  }
  if (node.types.length > 0) {
    const types = node.types.map((t) => terms.vocab(t));
    addValue(out, terms.keyword('@type'), types.length === 1 ? types[0]! : types);
  }
  for (const iri of [...node.values.keys()].sort()) {
    for (const value of node.values.get(iri)!) {
      const embedded = 'node' in value ? options.embed?.(value.node) : undefined;
      const [key, compacted] = terms.property(
        iri,
        'node' in value ? { node: value.node, ...(embedded === undefined ? {} : { embedded }) } : value,
      );
      addValue(out, key, compacted);
    }
  }
  return out;
}

/** `JSON.stringify(value, null, 1)` as it reads nested `depth` levels deep in a larger document. */
export function indented(value: Compacted, depth: number): string {
  const text = JSON.stringify(value, null, 1);
  return ' '.repeat(depth) + (text.includes('\n') ? text.replaceAll('\n', `\n${' '.repeat(depth)}`) : text);
}

/**
 * The JSON-LD of a dataset, written straight from its quads: what jsonld.js gives for `fromRDF` then
 * `compact` (compactArrays) with the context of `terms`, with `contextUrl` as the `@context`, to the byte,
 * but without building the expanded and compacted documents of the whole graph. Raises
 * {@link UnsupportedJsonLd} for data it does not handle (blank nodes, JSON literals).
 */
export function writeJsonLd(quads: readonly Quad[], terms: TermCompactor, contextUrl: string): string {
  const pieces: string[] = [];
  writeJsonLdTo({ write: (text) => void pieces.push(text) }, quads, terms, contextUrl);
  return pieces.join('');
}

/** Where {@link writeJsonLdTo} sends its text, piece by piece. */
export interface TextSink {
  write(text: string): void;
}

/** The JSON-LD of {@link writeJsonLd}, written to a sink one top-level node at a time. */
export function writeJsonLdTo(sink: TextSink, quads: readonly Quad[], terms: TermCompactor, contextUrl: string): void {
  // Graph name (or '' for the default graph) → its nodes.
  const graphs = new Map<string, Map<string, NodeData>>([['', new Map()]]);
  for (const q of quads) {
    const name = q.graph.termType === 'DefaultGraph' ? '' : q.graph.value;
    if (q.graph.termType !== 'DefaultGraph' && q.graph.termType !== 'NamedNode')
      throw new UnsupportedJsonLd(`${q.graph.termType} graph`);
    let nodes = graphs.get(name);
    if (!nodes) graphs.set(name, (nodes = new Map()));
    addTriple(nodes, q);
  }
  const defaultGraph = graphs.get('')!;
  const topIds = new Set([...defaultGraph.keys(), ...[...graphs.keys()].filter((g) => g !== '')]);
  const top = [...topIds].sort();
  const compactTop = (id: string): Record<string, Compacted> => {
    const nodes = graphs.get(id);
    const graph = nodes
      ? [...nodes.keys()].sort().map((s) => compactNode(terms, nodes.get(s)!) as Compacted)
      : undefined;
    const node = defaultGraph.get(id) ?? { id, types: [], values: new Map() };
    return compactNode(terms, node, graph ? { graph } : {});
  };
  const context = JSON.stringify(contextUrl);
  if (top.length === 0) return sink.write(`${JSON.stringify({ '@context': contextUrl }, null, 1)}\n`);
  if (top.length === 1)
    return sink.write(`${JSON.stringify({ '@context': contextUrl, ...compactTop(top[0]!) }, null, 1)}\n`);
  sink.write(`{\n "@context": ${context},\n "@graph": [\n`);
  for (const [i, id] of top.entries()) {
    sink.write(`${i === 0 ? '' : ',\n'}${indented(compactTop(id), 2)}`);
    graphs.delete(id);
  }
  sink.write('\n ]\n}\n');
}
