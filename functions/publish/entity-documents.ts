import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { sortQuads } from '../rdf/sort-quads.js';
import { TermCompactor, UnsupportedJsonLd, type Compacted } from './jsonld-terms.js';
import { addTriple, compactNode, type NodeData } from './jsonld-writer.js';
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
    /** In canonical order (as a knowledge graph's quads are). */
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
      list.push(q);
    }
  }

  private groupsFor(slug: string): Quad[][] {
    const entity = this.iris.entity(slug);
    const subjects = new Set([entity, ...(this.pointing.get(entity) ?? [])]);
    return [...subjects].map((s) => this.bySubject.get(s) ?? []);
  }

  /** The triples of an entity's document: the entity and everything that points at it, with their fragment nodes. */
  triplesFor(slug: string): Quad[] {
    return sortQuads(
      this.groupsFor(slug)
        .flat()
        .map((q) => DataFactory.quad(q.subject, q.predicate, q.object)),
    );
  }

  /**
   * The same triples as JSON-LD nodes, without sorting them again: the quads came in canonical order, so
   * each subject's values already are in the order of their triples and a triple held in several graphs
   * comes in a row.
   */
  nodesFor(slug: string): Map<string, NodeData> {
    const nodes = new Map<string, NodeData>();
    for (const group of this.groupsFor(slug)) {
      let previous: Quad | undefined;
      for (const q of group) {
        const repeated =
          previous?.subject.equals(q.subject) &&
          previous.predicate.equals(q.predicate) &&
          previous.object.equals(q.object);
        if (!repeated) addTriple(nodes, q);
        previous = q;
      }
    }
    return nodes;
  }
}

/**
 * One framed JSON-LD document per ICAT entity: the entity with its agreements, the initiatives,
 * activities and partnerships it plays a role in, and its publications, each embedded once. Written
 * directly (see {@link writeEntityDocument}); a context that writer does not handle goes through
 * jsonld.js, which gives the same bytes, only slower.
 */
export async function entityDocument(
  index: EntityDocumentIndex,
  iris: Iris,
  slug: string,
  context: JsonLdContext,
  contextUrl: string,
): Promise<string> {
  try {
    return writeEntityDocument(index, iris, slug, context, contextUrl);
  } catch (error) {
    if (error instanceof UnsupportedJsonLd) return entityDocumentWithJsonld(index, iris, slug, context, contextUrl);
    throw error;
  }
}

/**
 * The framed document written straight from the entity's triples, as jsonld.js frames it (JSON-LD 1.1,
 * \`@embed @once\`, the frame of {@link entityDocumentWithJsonld}): the entity, its values in IRI order
 * with each node it points to embedded the first time and referenced after (or when embedding would
 * loop back); then, for each reverse term, every subject pointing at it in IRI order, each framed afresh
 * (jsonld.js starts a new record of embedded nodes for each), all compacted with the context.
 */
export function writeEntityDocument(
  index: EntityDocumentIndex,
  iris: Iris,
  slug: string,
  context: JsonLdContext,
  contextUrl: string,
): string {
  const entity = iris.entity(slug);
  const reverse = reverseTerms(iris);
  const terms = new TermCompactor([context, reverse]);
  const nodes = index.nodesFor(slug);
  const root = nodes.get(entity);
  if (!root) throw new UnsupportedJsonLd(`entity ${entity} without triples`);
  const stack: string[] = [];
  const frame = (node: NodeData, embedded: Set<string>, reverseValues?: [string, Compacted[]][]) => {
    embedded.add(node.id);
    stack.push(node.id);
    const embed = (iri: string): Compacted | undefined => {
      const target = nodes.get(iri);
      if (!target || stack.includes(iri) || embedded.has(iri)) return undefined;
      return frame(target, embedded);
    };
    const out = compactNode(terms, node, { embed, ...(reverseValues ? { reverse: reverseValues } : {}) });
    stack.pop();
    return out;
  };
  // The entity's own values are framed first, then (with the entity still on the stack) the reverse ones.
  stack.push(entity);
  const reverseIris = [...new Set(Object.values(reverse).map((t) => (t as { '@reverse': string })['@reverse']))].sort();
  const subjects = [...nodes.keys()].sort();
  const reverseValues: [string, Compacted[]][] = [];
  for (const property of reverseIris) {
    const values: Compacted[] = [];
    for (const subject of subjects) {
      const node = nodes.get(subject)!;
      if (!node.values.get(property)?.some((v) => 'node' in v && v.node === entity)) continue;
      // The entity pointing at itself would loop: jsonld.js gives a reference, kept as an object here.
      values.push(stack.includes(subject) ? { [terms.keyword('@id')]: terms.id(subject) } : frame(node, new Set()));
    }
    if (values.length > 0) reverseValues.push([property, values]);
  }
  stack.pop();
  const document = frame(root, new Set(), reverseValues);
  return `${JSON.stringify({ '@context': [contextUrl, reverse], ...document }, null, 1)}\n`;
}

/** The framed document through jsonld.js: `fromRDF` of the entity's triples, then `frame`. */
export async function entityDocumentWithJsonld(
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
