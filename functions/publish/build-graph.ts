import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { convertRecords, type RecordGraph } from '../convert/convert-records.js';
import { ontologyPath } from '../package-paths.js';
import type { RecordSet } from '../records/record-set.js';
import type { Iris } from '../rdf/iris.js';
import { rebaseIris } from '../rdf/namespaces.js';
import { linkedVocabulary, loadKosQuads } from '../vocab/linked-vocabulary.js';
import type { SdgKos } from '../vocab/sdg-kos.js';
import { sortQuads } from '../rdf/sort-quads.js';

const { namedNode, quad } = DataFactory;

/** The whole knowledge graph: one named graph per record, the ontology, and the linked SDG vocabulary. */
export interface KnowledgeGraph {
  readonly recordGraphs: readonly RecordGraph[];
  /** Every quad, in canonical N-Quads order. */
  readonly quads: readonly Quad[];
}

/** The ontology as shipped, with its namespace moved to the configured base. */
export function ontologyQuads(iris: Iris): Quad[] {
  const text = rebaseIris(readFileSync(ontologyPath('icat.ttl'), 'utf8'), iris.base);
  const graph = namedNode(iris.vocabularyGraph('ontology'));
  return new Parser({ format: 'text/turtle' }).parse(text).map((q) => quad(q.subject, q.predicate, q.object, graph));
}

export function buildGraph(records: RecordSet, iris: Iris, kos: SdgKos): KnowledgeGraph {
  return assembleGraph(convertRecords(records, iris, kos), iris);
}

/**
 * The record graphs with the ontology and the part of the SDG KOS they link to, in canonical order.
 * The publish step calls it with record graphs read back from storage.
 */
export function assembleGraph(recordGraphs: readonly RecordGraph[], iris: Iris): KnowledgeGraph {
  const recordQuads = recordGraphs.flatMap((g) => g.quads);
  const referenced = new Set<string>();
  for (const q of recordQuads) if (q.object.termType === 'NamedNode') referenced.add(q.object.value);
  const quads = sortQuads([
    ...recordQuads,
    ...ontologyQuads(iris),
    ...linkedVocabulary(referenced, loadKosQuads(), iris),
  ]);
  return { recordGraphs, quads };
}
