import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { compareStrings } from '../compare.js';
import { dumpsUrlOf, type PublishConfig } from '../config.js';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, integer, langString, plain, typed } from '../rdf/terms.js';
import type { DumpFile } from './dump-file.js';

/** Figures of the merged graph that VoID reports (and the closing notes quote). */
export interface GraphStatistics {
  readonly triples: number;
  readonly quads: number;
  readonly namedGraphs: number;
  readonly entities: number;
  readonly distinctSubjects: number;
  readonly properties: number;
  /** Class IRI → number of distinct instances, sorted by class IRI. */
  readonly classes: ReadonlyMap<string, number>;
  /** Links from record graphs into the SDG KOS and into the M49 code list. */
  readonly sdgLinks: number;
  readonly geoLinks: number;
}

export function graphStatistics(quads: readonly Quad[], iris: Iris): GraphStatistics {
  const triples = new Set<string>();
  const graphs = new Set<string>();
  const subjects = new Set<string>();
  const entities = new Set<string>();
  const properties = new Set<string>();
  const instances = new Map<string, Set<string>>();
  let sdgLinks = 0;
  let geoLinks = 0;
  const uriSpace = `${iris.base}id/`;
  const recordGraphs = `${iris.base}graph/`;
  const vocabularyGraphs = iris.vocabularyGraph('');
  for (const q of quads) {
    const key = `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}${q.object.termType === 'Literal' ? `@${q.object.language}^${q.object.datatype.value}` : ''}`;
    if (triples.has(key)) continue;
    triples.add(key);
    graphs.add(q.graph.value);
    subjects.add(q.subject.value);
    properties.add(q.predicate.value);
    if (q.subject.value.startsWith(uriSpace) && !q.subject.value.includes('#')) entities.add(q.subject.value);
    if (q.predicate.value === `${NS.rdf}type`) {
      let set = instances.get(q.object.value);
      if (!set) instances.set(q.object.value, (set = new Set()));
      set.add(q.subject.value);
    }
    const fromRecords = q.graph.value.startsWith(recordGraphs) && !q.graph.value.startsWith(vocabularyGraphs);
    if (fromRecords && q.object.termType === 'NamedNode') {
      if (q.object.value.startsWith(NS.geo)) geoLinks++;
      else if (q.object.value.startsWith(NS.sdg) && !q.object.value.startsWith(NS.sdgo)) sdgLinks++;
    }
  }
  const classes = new Map(
    [...instances.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([c, s]) => [c, s.size] as const),
  );
  return {
    triples: triples.size,
    quads: quads.length,
    namedGraphs: graphs.size,
    entities: entities.size,
    distinctSubjects: subjects.size,
    properties: properties.size,
    classes,
    sdgLinks,
    geoLinks,
  };
}

/** The VoID description: counts, class partitions, dumps, endpoint, URI space and the linksets to the SDG KOS. */
export function voidQuads(
  iris: Iris,
  config: PublishConfig,
  stats: GraphStatistics,
  dumps: readonly DumpFile[],
  version: string,
): Quad[] {
  const g = new GraphBuilder(`${iris.base}void`);
  const d = iris.dataset;
  const v = (local: string) => `${NS.void}${local}`;
  g.type(d, v('Dataset'))
    .add(d, `${NS.dct}title`, langString('ICAT Knowledge Graph'))
    // The release dates and licence of the catalog (DATASET_ISSUED, SOURCE_DATE_EPOCH, DATASET_LICENSE).
    .add(d, `${NS.dct}issued`, typed(config.dates.issued, `${NS.xsd}date`))
    .add(d, `${NS.dct}modified`, typed(config.dates.modified, `${NS.xsd}date`))
    .link(d, `${NS.dct}license`, config.license)
    .link(d, v('sparqlEndpoint'), config.sparqlEndpoint)
    .add(d, v('uriSpace'), plain(`${iris.base}id/`))
    .add(d, v('triples'), integer(stats.triples))
    .add(d, v('entities'), integer(stats.entities))
    .add(d, v('distinctSubjects'), integer(stats.distinctSubjects))
    .add(d, v('properties'), integer(stats.properties))
    .add(d, v('classes'), integer(stats.classes.size))
    .link(d, v('vocabulary'), iris.ontology)
    .link(d, v('vocabulary'), NS.skos)
    .link(d, v('vocabulary'), NS.org)
    .link(d, v('vocabulary'), NS.schema)
    .link(d, v('vocabulary'), NS.prov)
    .link(d, v('rootResource'), iris.entity('icat'));
  for (const file of dumps) g.link(d, v('dataDump'), `${dumpsUrlOf(config, version)}${file.path}`);
  for (const [cls, count] of stats.classes) {
    const partition = `${d}#class-${prefixOf(cls)}-${cls.replace(/^.*[#/]/, '')}`;
    g.link(d, v('classPartition'), partition)
      .link(partition, v('class'), cls)
      .add(partition, v('entities'), integer(count));
  }
  const linksets = [
    {
      id: 'sdg',
      target: 'http://metadata.un.org/sdg',
      links: stats.sdgLinks,
      title: 'Links to the SDG goals, targets, indicators and series of the UN SDG KOS',
    },
    {
      id: 'geo',
      target: 'http://metadata.un.org/sdg/codes',
      links: stats.geoLinks,
      title: 'Links to M49 areas of the UN SDG geoArea code list',
    },
  ];
  for (const l of linksets) {
    const linkset = `${d}/linkset/${l.id}`;
    g.type(linkset, v('Linkset'))
      .add(linkset, `${NS.dct}title`, langString(l.title))
      .link(linkset, v('subjectsTarget'), d)
      .link(linkset, v('objectsTarget'), l.target)
      .add(linkset, v('triples'), integer(l.links))
      .link(d, v('subset'), linkset);
    g.type(l.target, v('Dataset'));
  }
  return g.quads;
}

/** Distinguishes partitions of classes with one local name in two namespaces (e.g. skos:Concept, sdgo:Concept). */
function prefixOf(iri: string): string {
  const ns = iri.replace(/[^#/]*$/, '');
  return Object.entries(NS).find(([, value]) => value === ns)?.[0] ?? 'icat';
}

/** The dataset's triple count stated in a VoID description written by `voidQuads` (undefined if absent). */
export function triplesOfVoid(turtle: string): number | undefined {
  const triples = new Parser({ format: 'text/turtle' })
    .parse(turtle)
    .find((q) => q.predicate.value === `${NS.void}triples` && q.subject.value.endsWith('/dataset'));
  return triples ? Number(triples.object.value) : undefined;
}
