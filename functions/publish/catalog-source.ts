import type { Quad } from '@rdfjs/types';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, langString } from '../rdf/terms.js';

/** The record of the mapping document every fact comes from. */
export const SOURCE_DOCUMENT_ID = 'icat-2021-mapping-resource';

/**
 * Describes the mapping document in the catalog as what it is: a published document (a bibliographic
 * resource), not a dataset — a harvester creates a dataset for every `dcat:Dataset` it finds. Its title,
 * publication year and publisher are copied from its record, so the catalog cannot contradict the graph.
 */
export function describeSourceDocument(g: GraphBuilder, iris: Iris, recordQuads: readonly Quad[]): string {
  const source = iris.source(SOURCE_DOCUMENT_ID);
  const about = (predicate: string) =>
    recordQuads.find((q) => q.subject.value === source && q.predicate.value === predicate)?.object;
  const title = about(`${NS.dct}title`);
  const issued = about(`${NS.dct}issued`);
  const publisher = about(`${NS.dct}publisher`);
  const publisherName = recordQuads.find(
    (q) =>
      q.subject.value === publisher?.value &&
      q.predicate.value === `${NS.skos}prefLabel` &&
      q.object.termType === 'Literal' &&
      q.object.language === 'en',
  )?.object;
  if (!title || !issued || !publisher || !publisherName)
    throw new Error(
      `the catalog needs the title, year and publisher (with its English name) of data/sources/${SOURCE_DOCUMENT_ID}.yaml, and the graph lacks one of them`,
    );
  g.type(source, `${NS.dct}BibliographicResource`, `${NS.foaf}Document`)
    .add(source, `${NS.dct}title`, title)
    .add(
      source,
      `${NS.dct}description`,
      langString(
        'The 2021 mapping of the mandates, expertise, partnerships and programmes of the entities of ICAT, published by ICAT: the source of every fact of this dataset.',
      ),
    )
    .add(source, `${NS.dct}issued`, issued)
    .link(source, `${NS.dct}publisher`, publisher.value)
    .type(publisher.value, `${NS.foaf}Agent`, `${NS.foaf}Organization`)
    .add(publisher.value, `${NS.foaf}name`, publisherName);
  return source;
}
