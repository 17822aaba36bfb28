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

/** Quads grouped for the entity documents, built once for all entities. */
export class EntityDocumentIndex {
  /** Entity IRI → the subjects that point at it with a role, party or publisher property. */
  private readonly pointing = new Map<string, Set<string>>();
  /** Subject IRI without fragment → its triples and those of its fragment nodes. */
  private readonly bySubject = new Map<string, Quad[]>();

  constructor(
    private readonly iris: Iris,
    quads: readonly Quad[],
  ) {
    const predicates = new Set(
      ['party', 'lead', 'secretariat', 'implementer', 'participant', 'funder', 'beneficiary']
        .map((p) => iris.term(p))
        .concat(`${NS.dct}publisher`),
    );
    for (const q of quads) {
      if (q.subject.termType !== 'NamedNode') continue;
      if (predicates.has(q.predicate.value)) {
        let set = this.pointing.get(q.object.value);
        if (!set) this.pointing.set(q.object.value, (set = new Set()));
        set.add(q.subject.value);
      }
      const key = q.subject.value.replace(/#.*$/, '');
      let list = this.bySubject.get(key);
      if (!list) this.bySubject.set(key, (list = []));
      list.push(DataFactory.quad(q.subject, q.predicate, q.object));
    }
  }

  /** The triples of an entity's document: the entity and everything that points at it, with their fragment nodes. */
  triplesFor(slug: string): Quad[] {
    const entity = this.iris.entity(slug);
    const subjects = [entity, ...(this.pointing.get(entity) ?? [])];
    return sortQuads(subjects.flatMap((s) => this.bySubject.get(s) ?? []));
  }
}

/**
 * One framed JSON-LD document per ICAT entity: the entity with its agreements, the initiatives,
 * activities and partnerships it plays a role in, and its publications, each embedded once.
 */
export async function entityDocument(
  index: EntityDocumentIndex,
  iris: Iris,
  slug: string,
  context: JsonLdContext,
  contextUrl: string,
): Promise<string> {
  const entity = iris.entity(slug);
  const expanded = await jsonld.fromRDF(index.triplesFor(slug) as unknown as Parameters<typeof jsonld.fromRDF>[0]);
  const reverse = reverseTerms(iris);
  const frame = {
    '@context': [context, reverse],
    '@id': entity,
    ...Object.fromEntries(Object.keys(reverse).map((term) => [term, {}])),
  };
  const framed = await jsonld.frame(expanded, frame as Parameters<typeof jsonld.frame>[1], { omitGraph: true });
  return `${JSON.stringify({ ...framed, '@context': [contextUrl, reverse] }, null, 1)}\n`;
}
