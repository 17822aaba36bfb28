import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';

/**
 * The query store: every quad in its named graph, and every triple once more in the default graph, so
 * that the default graph is the union of the record graphs (as the endpoint promises) while GRAPH ?g
 * ranges over the named graphs only. Faster than rewriting each query with hundreds of FROM clauses.
 */
export function storeFromQuads(quads: Iterable<Quad>): Store {
  const store = new Store();
  for (const q of quads) {
    store.addQuad(q);
    if (q.graph.termType !== 'DefaultGraph') store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  }
  return store;
}

export function storeFromNQuads(text: string): Store {
  return storeFromQuads(new Parser({ format: 'application/n-quads' }).parse(text));
}
