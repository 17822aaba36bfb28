import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { ontologyPath } from '../package-paths.js';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';

const { namedNode, quad } = DataFactory;
const SKOS_BROADER = `${NS.skos}broader`;
const SDG_LINKS = new Set([
  `${NS.skos}narrower`,
  `${NS.sdgo}hasTarget`,
  `${NS.sdgo}hasIndicator`,
  `${NS.sdgo}hasSeries`,
]);
const GEO_TYPES = new Set([`${NS.skos}Concept`, NS.geo.slice(0, -1)]);

/** The SDG KOS and the geoArea code list as parsed quads, read once. */
export interface KosQuads {
  readonly sdg: readonly Quad[];
  readonly geo: readonly Quad[];
}

let cached: KosQuads | undefined;

export function loadKosQuads(): KosQuads {
  const parse = (file: string) =>
    new Parser({ format: 'text/turtle' }).parse(readFileSync(ontologyPath(`vocab/${file}`), 'utf8'));
  cached ??= {
    sdg: [...parse('sdg-kos-goals-targets-indicators.ttl'), ...parse('sdg-kos-series-2019-Q2-G-01.ttl')],
    geo: parse('sdg-codes.ttl'),
  };
  return cached;
}

/**
 * The part of the SDG KOS and of the M49 code list that the graph links to, in two named graphs with
 * their official IRIs: each referenced concept, its broader chain (indicator → target → goal, country →
 * region → world) and, for SDG goals and targets, what lies below them, so a query can walk
 * entity → target → indicator and activity → country → region inside one endpoint.
 */
export function linkedVocabulary(referenced: Iterable<string>, kos: KosQuads, iris: Iris): Quad[] {
  const sdgRefs = new Set<string>();
  const geoRefs = new Set<string>();
  for (const value of referenced) {
    if (value.startsWith(NS.geo)) geoRefs.add(value);
    else if (value.startsWith(NS.sdg) && !value.startsWith(NS.sdgo) && !value.startsWith(`${NS.sdg}codes/`))
      sdgRefs.add(value);
  }
  const sdg = selectConcepts(kos.sdg, sdgRefs, true, () => true);
  const geo = selectConcepts(kos.geo, geoRefs, false, (iri) => /\/geoArea\/\d{3}$/.test(iri));
  return [
    ...regraph(
      kos.sdg,
      sdg,
      iris.vocabularyGraph('sdg'),
      (q) => !SDG_LINKS.has(q.predicate.value) || sdg.has(q.object.value),
    ),
    ...regraph(kos.geo, geo, iris.vocabularyGraph('geo'), (q) => {
      if (q.predicate.value === SKOS_BROADER || q.predicate.value === `${NS.skos}narrower`)
        return geo.has(q.object.value);
      if (q.predicate.value === `${NS.rdf}type`) return GEO_TYPES.has(q.object.value);
      return true;
    }),
  ];
}

function selectConcepts(
  quads: readonly Quad[],
  referenced: ReadonlySet<string>,
  withNarrower: boolean,
  isConcept: (iri: string) => boolean,
): Set<string> {
  const broader = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  for (const q of quads) {
    if (q.predicate.value !== SKOS_BROADER || !isConcept(q.object.value)) continue;
    push(broader, q.subject.value, q.object.value);
    push(narrower, q.object.value, q.subject.value);
  }
  const selected = new Set<string>();
  for (const iri of referenced) {
    // Upwards: the referenced concept and everything broader (indicator → target → goal, country → world).
    for (const stack = [iri]; stack.length > 0;) {
      const next = stack.pop()!;
      if (selected.has(next)) continue;
      selected.add(next);
      stack.push(...(broader.get(next) ?? []));
    }
    // Downwards, for the SDG KOS: a goal or target brings its targets and indicators, not every data series.
    if (withNarrower)
      for (const child of narrower.get(iri) ?? []) if (!isSeries(child)) walkDown(child, narrower, selected);
  }
  return selected;
}

function walkDown(iri: string, narrower: Map<string, string[]>, selected: Set<string>): void {
  if (selected.has(iri)) return;
  selected.add(iri);
  for (const child of narrower.get(iri) ?? []) if (!isSeries(child)) walkDown(child, narrower, selected);
}

/** Goals, targets and indicators have numeric or `C`-prefixed local names; series have upper-case codes. */
function isSeries(iri: string): boolean {
  return /\/[A-Z]{2}_[A-Z0-9_]+$/.test(iri);
}

function regraph(
  quads: readonly Quad[],
  subjects: ReadonlySet<string>,
  graph: string,
  keep: (q: Quad) => boolean,
): Quad[] {
  const g = namedNode(graph);
  return quads
    .filter((q) => subjects.has(q.subject.value) && keep(q))
    .map((q) => quad(q.subject, q.predicate, q.object, g));
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
