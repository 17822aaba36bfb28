import type { Quad } from '@rdfjs/types';
import type { PublishConfig } from '../config.js';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, langString, plain, typed } from '../rdf/terms.js';
import { writeDumpDistribution, writeSparqlDistribution } from './catalog-distributions.js';
import { describeSourceDocument } from './catalog-source.js';
import type { DumpFile } from './dump-file.js';

const EU = 'http://publications.europa.eu/resource/authority/';
const KEYWORDS = [
  'trafficking in persons',
  'human trafficking',
  'ICAT',
  'United Nations',
  'Sustainable Development Goals',
  'forced labour',
  'linked data',
];
const SPARQL_PROTOCOL = 'https://www.w3.org/TR/sparql11-protocol/';

/** What the catalog says about the source and the coverage of the data; facts of the mapping, not of a run. */
const TEMPORAL = {
  start: '2020-10-01',
  end: '2021-07-31',
  comment:
    'The mapping was informed by a consultation conducted between the last quarter of 2020 and the first quarter of 2021; its information is as at March 2021, with the membership as of July 2021.',
};

/**
 * The DCAT catalog of one dump set (DCAT-AP 3.0.1): the dataset, one distribution per dump file with
 * its size and checksum, and the SPARQL endpoint as a data service with a distribution that points to it.
 * `recordQuads` (the graph) supply what the catalog says about the source document.
 */
export function catalogQuads(
  iris: Iris,
  config: PublishConfig,
  files: readonly DumpFile[],
  version: string,
  recordQuads: readonly Quad[],
): Quad[] {
  const g = new GraphBuilder(iris.catalog);
  const dataset = iris.dataset;
  const source = describeSourceDocument(g, iris, recordQuads);
  const publisher = `${iris.base}id/publisher`;
  const contact = `${iris.base}id/contact`;
  const service = iris.sparql;
  const t = (ns: keyof typeof NS, local: string) => `${NS[ns]}${local}`;
  const issued = typed(config.dates.issued, `${NS.xsd}date`);
  const modified = typed(config.dates.modified, `${NS.xsd}date`);

  g.type(iris.catalog, t('dcat', 'Catalog'))
    .add(iris.catalog, t('dct', 'title'), langString('ICAT Knowledge Graph catalog'))
    .add(
      iris.catalog,
      t('dct', 'description'),
      langString(
        'The datasets and data services of the ICAT Knowledge Graph: the 2021 ICAT mapping of UN work against trafficking in persons as linked open data.',
      ),
    )
    .add(iris.catalog, t('dct', 'issued'), issued)
    .add(iris.catalog, t('dct', 'modified'), modified)
    .link(iris.catalog, t('dct', 'publisher'), publisher)
    .link(iris.catalog, t('foaf', 'homepage'), config.publisherUrl)
    .link(iris.catalog, t('dcat', 'dataset'), dataset)
    .link(iris.catalog, t('dcat', 'service'), service)
    .link(iris.catalog, t('dct', 'language'), `${EU}language/ENG`)
    .link(iris.catalog, t('dct', 'spatial'), `${NS.geo}001`)
    .link(iris.catalog, t('dcat', 'themeTaxonomy'), `${EU}data-theme`);
  if (config.license) g.link(iris.catalog, t('dct', 'license'), config.license);
  g.type(config.publisherUrl, t('foaf', 'Document'));

  g.type(publisher, t('foaf', 'Agent'), t('foaf', 'Organization'))
    .add(publisher, t('foaf', 'name'), langString(config.publisherName))
    .link(publisher, t('foaf', 'homepage'), config.publisherUrl);
  g.type(contact, t('vcard', 'Organization'), t('vcard', 'Kind'))
    .add(contact, t('vcard', 'fn'), plain(config.publisherName))
    .link(contact, t('vcard', 'hasURL'), config.publisherUrl)
    .link(contact, t('vcard', 'hasEmail'), config.contactEmail && `mailto:${config.contactEmail}`);

  g.type(dataset, t('dcat', 'Dataset'))
    .add(dataset, t('dct', 'title'), langString('ICAT Knowledge Graph: the 2021 ICAT mapping resource as linked data'))
    .add(
      dataset,
      t('dct', 'description'),
      langString(
        'Mandates, expertise, SDG targets, formal cooperation frameworks (MoUs), partnerships, multi-stakeholder initiatives, programmes by country and publications of the 29 entities of the Inter-Agency Coordination Group against Trafficking in Persons (ICAT), from its 2021 mapping resource, linked to the UN SDG vocabulary and M49 country codes.',
      ),
    )
    .add(dataset, t('dct', 'issued'), issued)
    .add(dataset, t('dct', 'modified'), modified)
    .link(dataset, t('dct', 'publisher'), publisher)
    .link(dataset, t('dcat', 'contactPoint'), contact)
    // Not dct:source: DCAT-AP ranges it over datasets, and the source is a document.
    .link(dataset, t('prov', 'wasDerivedFrom'), source)
    .link(dataset, t('dct', 'relation'), source)
    .link(dataset, t('dcat', 'landingPage'), config.publisherUrl)
    .add(dataset, t('dcat', 'version'), plain(version))
    .link(dataset, t('dct', 'language'), `${EU}language/ENG`)
    .link(dataset, t('dct', 'accrualPeriodicity'), `${EU}frequency/IRREG`)
    .link(dataset, t('dct', 'conformsTo'), `${iris.base}ontology`)
    .link(dataset, t('dct', 'spatial'), `${NS.geo}001`)
    .link(dataset, t('dct', 'temporal'), `${dataset}#temporal`);
  for (const keyword of KEYWORDS) {
    g.add(dataset, t('dcat', 'keyword'), langString(keyword)).add(service, t('dcat', 'keyword'), langString(keyword));
  }
  for (const [theme, label] of [
    ['JUST', 'Justice, legal system and public safety'],
    ['SOCI', 'Population and society'],
    ['INTR', 'International issues'],
  ] as const) {
    const concept = `${EU}data-theme/${theme}`;
    g.link(dataset, t('dcat', 'theme'), concept)
      .link(service, t('dcat', 'theme'), concept)
      .type(concept, t('skos', 'Concept'))
      .link(concept, t('skos', 'inScheme'), `${EU}data-theme`)
      .add(concept, t('skos', 'prefLabel'), langString(label));
  }
  describeAuthority(g, 'language', 'ENG', 'English', t('dct', 'LinguisticSystem'));
  describeAuthority(g, 'frequency', 'IRREG', 'irregular', t('dct', 'Frequency'));
  describeAuthority(g, 'access-right', 'PUBLIC', 'public', t('dct', 'RightsStatement'));
  describeAuthority(g, 'planned-availability', 'STABLE', 'stable', t('skos', 'Concept'));
  g.type(`${iris.base}ontology`, t('dct', 'Standard')).add(
    `${iris.base}ontology`,
    t('dct', 'title'),
    langString('ICAT Knowledge Graph ontology'),
  );
  g.type(`${EU}data-theme`, t('skos', 'ConceptScheme')).add(
    `${EU}data-theme`,
    t('dct', 'title'),
    langString('Data theme'),
  );
  g.type(`${NS.geo}001`, t('dct', 'Location')).add(`${NS.geo}001`, t('skos', 'prefLabel'), langString('World'));
  g.type(`${dataset}#temporal`, t('dct', 'PeriodOfTime'))
    .add(`${dataset}#temporal`, t('dcat', 'startDate'), typed(TEMPORAL.start, `${NS.xsd}date`))
    .add(`${dataset}#temporal`, t('dcat', 'endDate'), typed(TEMPORAL.end, `${NS.xsd}date`))
    .add(`${dataset}#temporal`, t('rdfs', 'comment'), langString(TEMPORAL.comment));
  const rights = `${dataset}#rights`;
  g.link(dataset, t('dct', 'accessRights'), `${EU}access-right/PUBLIC`)
    .type(rights, t('dct', 'RightsStatement'))
    .link(dataset, t('dct', 'rights'), rights)
    .add(
      rights,
      t('rdfs', 'label'),
      langString(
        'The source, the ICAT 2021 mapping resource, states no licence of its own; its content remains subject to the terms of its publisher, ICAT. Its maps carry the United Nations disclaimer on designations and boundaries.',
      ),
    );

  for (const file of files) writeDumpDistribution(g, config, dataset, file, version);

  g.type(service, t('dcat', 'DataService'))
    .add(service, t('dct', 'title'), langString('ICAT Knowledge Graph SPARQL endpoint'))
    .link(service, t('dcat', 'endpointURL'), config.sparqlEndpoint)
    .link(service, t('dcat', 'endpointDescription'), config.sparqlEndpoint)
    .link(service, t('dct', 'conformsTo'), SPARQL_PROTOCOL)
    .link(service, t('dcat', 'servesDataset'), dataset)
    .link(service, t('dct', 'publisher'), publisher)
    .link(service, t('dcat', 'contactPoint'), contact);
  if (config.license) g.link(service, t('dct', 'license'), config.license);
  g.type(SPARQL_PROTOCOL, t('dct', 'Standard')).add(
    SPARQL_PROTOCOL,
    t('dct', 'title'),
    langString('SPARQL 1.1 Protocol'),
  );
  writeSparqlDistribution(g, config, dataset, service);
  if (config.license) g.type(config.license, t('dct', 'LicenseDocument'));
  return g.quads;
}

function describeAuthority(g: GraphBuilder, table: string, code: string, label: string, cls: string): void {
  const concept = `${EU}${table}/${code}`;
  g.type(concept, cls, `${NS.skos}Concept`)
    .link(concept, `${NS.skos}inScheme`, `${EU}${table}`)
    .add(concept, `${NS.skos}prefLabel`, langString(label));
}
