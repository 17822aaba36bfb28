import type { Quad } from '@rdfjs/types';
import { DataFactory, type Store } from 'n3';
import { sortQuads } from '../rdf/sort-quads.js';

/**
 * The triples of the default (union) graph about a resource and about its fragment nodes
 * (`{iri}#role-...`, `{iri}#statement-...`, `{iri}#membership-icat`), in canonical order: what
 * dereferencing the IRI returns. Fragment nodes are found through the indexes: those the resource
 * points at and those that point at it.
 */
export function describeQuads(store: Store, iri: string): Quad[] {
  const subject = DataFactory.namedNode(iri);
  const inDefault = DataFactory.defaultGraph();
  const prefix = `${iri}#`;
  const subjects = new Set<string>([iri]);
  for (const q of store.match(subject, null, null, inDefault)) {
    if (q.object.termType === 'NamedNode' && q.object.value.startsWith(prefix)) subjects.add(q.object.value);
  }
  for (const q of store.match(null, null, subject, inDefault)) {
    if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(prefix)) subjects.add(q.subject.value);
  }
  const quads: Quad[] = [];
  for (const s of subjects) quads.push(...store.match(DataFactory.namedNode(s), null, null, inDefault));
  return sortQuads(quads);
}
