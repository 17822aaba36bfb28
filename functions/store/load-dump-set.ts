import { DataFactory, Parser } from 'n3';
import { mapLimit } from '../pipeline/map-limit.js';
import { nquadsLine } from '../rdf/sort-quads.js';
import { NS } from '../rdf/namespaces.js';
import type { GraphStoreClient } from './graph-store-client.js';

/** What a store holds besides the record graphs: the union of them all, and what was loaded when. */
export interface StoreLayout {
  /** The graph holding every triple of every named graph once: the endpoint's default graph. */
  readonly unionGraph: string;
  /** The graph recording the loaded version and every named graph of it. */
  readonly stateGraph: string;
}

export function storeLayout(baseIri: string): StoreLayout {
  return { unionGraph: `${baseIri}graph/union`, stateGraph: `${baseIri}graph/store-state` };
}

/** The version and the named graphs a store holds, read from its state graph. */
export interface StoreState {
  readonly version: string;
  readonly graphs: readonly string[];
}

export interface LoadReport {
  readonly version: string;
  readonly graphs: number;
  readonly quads: number;
  readonly unionTriples: number;
  /** Graphs of an earlier load that the new dump set no longer has, now removed from the store. */
  readonly removed: readonly string[];
  readonly previousVersion?: string;
}

/** The state a store's state graph records (any N-Triples layout the store writes it back in). */
export function parseStoreState(ntriples: string, stateGraph: string): StoreState | undefined {
  let version: string | undefined;
  const graphs: string[] = [];
  for (const q of new Parser({ format: 'application/n-triples' }).parse(ntriples)) {
    if (q.subject.value !== stateGraph) continue;
    if (q.predicate.value === `${NS.dct}hasVersion`) version = q.object.value;
    if (q.predicate.value === `${NS.dct}hasPart` && q.object.termType === 'NamedNode') graphs.push(q.object.value);
  }
  return version === undefined ? undefined : { version, graphs: graphs.sort() };
}

/** The state graph's triples: the version loaded and every named graph of it. */
export function stateTriples(layout: StoreLayout, version: string, graphs: readonly string[]): string {
  const s = `<${layout.stateGraph}>`;
  return [
    `${s} <${NS.rdf}type> <${NS.prov}Entity> .`,
    `${s} <${NS.dct}hasVersion> "${version}" .`,
    ...graphs.map((g) => `${s} <${NS.dct}hasPart> <${g}> .`),
  ].join('\n');
}

/**
 * Makes a store hold exactly one dump set: every named graph of `nquads` replaced (PUT), the union graph
 * replaced, the graphs of an earlier load that this one lacks removed, and the state graph written last,
 * so a store whose state names a version holds all of it.
 */
export async function loadDumpSet(
  nquads: string,
  version: string,
  client: GraphStoreClient,
  layout: StoreLayout,
  concurrency = 4,
  /** The named graphs are in the store already (a bulk loader put them there): write the rest only. */
  graphsLoaded = false,
): Promise<LoadReport> {
  const byGraph = new Map<string, string[]>();
  const union = new Set<string>();
  let quads = 0;
  for (const quad of new Parser({ format: 'application/n-quads' }).parse(nquads)) {
    quads++;
    const triple = nquadsLine(DataFactory.quad(quad.subject, quad.predicate, quad.object));
    union.add(triple);
    if (quad.graph.termType !== 'NamedNode') continue;
    const lines = byGraph.get(quad.graph.value) ?? [];
    lines.push(triple);
    byGraph.set(quad.graph.value, lines);
  }
  const previous = await readStoreState(client, layout);
  const graphs = [...byGraph.keys()].sort();
  if (!graphsLoaded) await mapLimit(graphs, concurrency, (graph) => client.put(graph, byGraph.get(graph)!.join('\n')));
  await client.put(layout.unionGraph, [...union].join('\n'));
  const current = new Set(graphs);
  const removed = (previous?.graphs ?? []).filter((g) => !current.has(g) && g !== layout.unionGraph);
  await mapLimit(removed, concurrency, (graph) => client.delete(graph));
  await client.put(layout.stateGraph, stateTriples(layout, version, graphs));
  return {
    version,
    graphs: graphs.length,
    quads,
    unionTriples: union.size,
    removed,
    ...(previous ? { previousVersion: previous.version } : {}),
  };
}

export async function readStoreState(client: GraphStoreClient, layout: StoreLayout): Promise<StoreState | undefined> {
  const text = await client.get(layout.stateGraph);
  return text === undefined ? undefined : parseStoreState(text, layout.stateGraph);
}
