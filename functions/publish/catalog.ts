import type { Quad } from '@rdfjs/types';
import { dumpsUrlOf, type PublishConfig } from '../config.js';
import type { Iris } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, langString, plain, typed } from '../rdf/terms.js';
import type { DumpFile } from './dump-file.js';

const SPDX = 'http://spdx.org/rdf/terms#';
const IANA = 'http://www.iana.org/assignments/media-types/';
const EU = 'http://publications.europa.eu/resource/authority/';
const DCATAP = 'http://data.europa.eu/r5r/';
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

/** EU file-type concepts of the dump formats (DCAT-AP's controlled vocabulary for dct:format). */
const FILE_TYPES: Readonly<Record<string, { id: string; label: string }>> = {
  'application/n-quads': { id: 'RDF_N_QUADS', label: 'RDF N-Quads' },
  'application/trig': { id: 'RDF_TRIG', label: 'RDF TriG' },
  'text/turtle': { id: 'RDF_TURTLE', label: 'RDF Turtle' },
  'application/ld+json': { id: 'JSON_LD', label: 'JSON-LD' },
  'application/json': { id: 'JSON', label: 'JSON' },
  'image/svg+xml': { id: 'SVG', label: 'SVG' },
};

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
 */
export function catalogQuads(iris: Iris, config: PublishConfig, files: readonly DumpFile[], version: string): Quad[] {
  const g = new GraphBuilder(iris.catalog);
  const dataset = iris.dataset;
  const publisher = `${iris.base}id/publisher`;
  const contact = `${iris.base}id/contact`;
  const service = iris.sparql;
  const source = iris.source('icat-2021-mapping-resource');
  const t = (ns: keyof typeof NS, local: string) => `${NS[ns]}${local}`;

  g.type(iris.catalog, t('dcat', 'Catalog'))
    .add(iris.catalog, t('dct', 'title'), langString('ICAT Knowledge Graph catalog'))
    .add(
      iris.catalog,
      t('dct', 'description'),
      langString(
        'The datasets and data services of the ICAT Knowledge Graph: the 2021 ICAT mapping of UN work against trafficking in persons as linked open data.',
      ),
    )
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
    .link(dataset, t('dct', 'publisher'), publisher)
    .link(dataset, t('dcat', 'contactPoint'), contact)
    .link(dataset, t('dct', 'source'), source)
    .link(dataset, t('prov', 'wasDerivedFrom'), source)
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
  // DCAT-AP ranges dct:source over datasets: the mapping resource is described as the dataset it is the source of.
  g.type(source, t('dcat', 'Dataset'))
    .add(source, t('dct', 'title'), langString('ICAT 2021 Mapping Resource'))
    .add(
      source,
      t('dct', 'description'),
      langString(
        'The 2021 mapping of the mandates, expertise, partnerships and programmes of the entities of ICAT, published by ICAT: the source of every fact of this dataset.',
      ),
    )
    .link(source, t('dct', 'publisher'), iris.entity('icat'));
  g.type(iris.entity('icat'), t('foaf', 'Agent'), t('foaf', 'Organization')).add(
    iris.entity('icat'),
    t('foaf', 'name'),
    langString('Inter-Agency Coordination Group against Trafficking in Persons'),
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

  for (const file of files) writeDistribution(g, config, dataset, file, version);

  const sparqlDistribution = `${dataset}/distribution/sparql`;
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
  g.link(dataset, t('dcat', 'distribution'), sparqlDistribution)
    .type(sparqlDistribution, t('dcat', 'Distribution'))
    .add(sparqlDistribution, t('dct', 'title'), langString('SPARQL endpoint'))
    .add(
      sparqlDistribution,
      t('dct', 'description'),
      langString('The latest version of the graph, queried through the SPARQL 1.1 Protocol.'),
    )
    .link(sparqlDistribution, t('dcat', 'accessURL'), config.sparqlEndpoint)
    .link(sparqlDistribution, `${DCATAP}availability`, `${EU}planned-availability/STABLE`)
    .link(sparqlDistribution, t('dcat', 'accessService'), service);
  if (config.license) g.link(sparqlDistribution, t('dct', 'license'), config.license);
  if (config.license) g.type(config.license, t('dct', 'LicenseDocument'));
  return g.quads;
}

function describeAuthority(g: GraphBuilder, table: string, code: string, label: string, cls: string): void {
  const concept = `${EU}${table}/${code}`;
  g.type(concept, cls, `${NS.skos}Concept`)
    .link(concept, `${NS.skos}inScheme`, `${EU}${table}`)
    .add(concept, `${NS.skos}prefLabel`, langString(label));
}

function writeDistribution(
  g: GraphBuilder,
  config: PublishConfig,
  dataset: string,
  file: DumpFile,
  version: string,
): void {
  const t = (ns: keyof typeof NS, local: string) => `${NS[ns]}${local}`;
  const distribution = `${dataset}/distribution/${file.path}`;
  const url = `${dumpsUrlOf(config, version)}${file.path}`;
  const checksum = `${distribution}#sha256`;
  const format = FILE_TYPES[file.mediaType];
  g.link(dataset, t('dcat', 'distribution'), distribution)
    .type(distribution, t('dcat', 'Distribution'))
    .add(distribution, t('dct', 'title'), langString(file.title))
    .add(
      distribution,
      t('dct', 'description'),
      langString(file.description ?? `${file.title}: ${file.path} of dump set ${version}.`),
    )
    .link(distribution, `${DCATAP}availability`, `${EU}planned-availability/STABLE`)
    .link(distribution, t('dcat', 'accessURL'), url)
    .link(distribution, t('dcat', 'downloadURL'), url)
    .link(distribution, t('dcat', 'mediaType'), `${IANA}${file.mediaType}`)
    .add(distribution, t('dcat', 'byteSize'), typed(String(file.content.length), `${NS.xsd}nonNegativeInteger`))
    .link(distribution, `${SPDX}checksum`, checksum)
    .link(distribution, t('dct', 'conformsTo'), file.conformsTo);
  if (file.conformsTo) g.type(file.conformsTo, t('dct', 'Standard'));
  g.type(`${IANA}${file.mediaType}`, t('dct', 'MediaType'));
  if (format) {
    const formatIri = `${EU}file-type/${format.id}`;
    g.link(distribution, t('dct', 'format'), formatIri)
      .type(formatIri, t('dct', 'MediaTypeOrExtent'), t('skos', 'Concept'))
      .link(formatIri, t('skos', 'inScheme'), `${EU}file-type`)
      .add(formatIri, t('skos', 'prefLabel'), langString(format.label));
  }
  if (file.gzip) {
    g.link(distribution, t('dcat', 'compressFormat'), `${IANA}application/gzip`).type(
      `${IANA}application/gzip`,
      t('dct', 'MediaType'),
    );
  }
  if (config.license) g.link(distribution, t('dct', 'license'), config.license);
  g.type(checksum, `${SPDX}Checksum`)
    .link(checksum, `${SPDX}algorithm`, `${SPDX}checksumAlgorithm_sha256`)
    .type(`${SPDX}checksumAlgorithm_sha256`, `${SPDX}ChecksumAlgorithm`)
    .add(checksum, `${SPDX}checksumValue`, typed(file.sha256, `${NS.xsd}hexBinary`));
}
