import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { sortQuads } from '../rdf/sort-quads.js';
import type { JsonLdContext } from './serialize.js';

/** Terms that reach from an entity to what points at it, for its framed document. */
function reverseTerms(iris: Iris): JsonLdContext {
  const r = (iri: string) => ({ '@reverse': iri, '@container': '@set' });
  return {
    agreements: r(iris.term('party')),
    publications: r(`${NS.dct}publisher`),
    leads: r(iris.term('lead')),
    secretariatOf: r(iris.term('secretariat')),
    implements: r(iris.term('implementer')),
    participatesIn: r(iris.term('participant')),
    funds: r(iris.term('funder')),
    benefitsFrom: r(iris.term('beneficiary')),
    memberships: r(`${NS.org}member`),
    statements: r(`${NS.rdf}subject`),
  };
}

/**
 * One framed JSON-LD document per ICAT entity: the entity with its agreements, the initiatives,
 * activities and partnerships it plays a role in, and its publications, each embedded once.
 */
export async function entityDocument(
  iris: Iris,
  slug: string,
  quads: readonly Quad[],
  context: JsonLdContext,
  contextUrl: string,
): Promise<string> {
  const entity = iris.entity(slug);
  const pointing = new Set([
    iris.term('party'),
    `${NS.dct}publisher`,
    iris.term('lead'),
    iris.term('secretariat'),
    iris.term('implementer'),
    iris.term('participant'),
    iris.term('funder'),
    iris.term('beneficiary'),
  ]);
  const subjects = new Set<string>([entity]);
  for (const q of quads)
    if (q.object.value === entity && pointing.has(q.predicate.value)) subjects.add(q.subject.value);
  const inDocument = (iri: string) => subjects.has(iri.replace(/#.*$/, ''));
  const triples = sortQuads(
    quads
      .filter((q) => q.subject.termType === 'NamedNode' && inDocument(q.subject.value))
      .map((q) => DataFactory.quad(q.subject, q.predicate, q.object)),
  );
  const expanded = await jsonld.fromRDF(triples as unknown as Parameters<typeof jsonld.fromRDF>[0]);
  const reverse = reverseTerms(iris);
  const frame = {
    '@context': [context, reverse],
    '@id': entity,
    ...Object.fromEntries(Object.keys(reverse).map((term) => [term, {}])),
  };
  const framed = await jsonld.frame(expanded, frame as Parameters<typeof jsonld.frame>[1], { omitGraph: true });
  return `${JSON.stringify({ ...framed, '@context': [contextUrl, reverse] }, null, 1)}\n`;
}
