import { dumpsUrlOf, type PublishConfig } from '../config.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, langString, typed } from '../rdf/terms.js';
import type { DumpFile } from './dump-file.js';

const SPDX = 'http://spdx.org/rdf/terms#';
const IANA = 'http://www.iana.org/assignments/media-types/';
const EU = 'http://publications.europa.eu/resource/authority/';
const DCATAP = 'http://data.europa.eu/r5r/';
const t = (ns: keyof typeof NS, local: string) => `${NS[ns]}${local}`;

/** EU file-type concepts (DCAT-AP's controlled vocabulary for dct:format) of the dump formats and the endpoint. */
const FILE_TYPES: Readonly<Record<string, { id: string; label: string }>> = {
  'application/n-quads': { id: 'RDF_N_QUADS', label: 'RDF N-Quads' },
  'application/trig': { id: 'RDF_TRIG', label: 'RDF TriG' },
  'text/turtle': { id: 'RDF_TURTLE', label: 'RDF Turtle' },
  'application/ld+json': { id: 'JSON_LD', label: 'JSON-LD' },
  'application/json': { id: 'JSON', label: 'JSON' },
  'image/svg+xml': { id: 'SVG', label: 'SVG' },
  'application/sparql-query': { id: 'SPARQLQ', label: 'SPARQL' },
};

/** What every distribution states alike: the release dates, the availability and the configured licence. */
function common(g: GraphBuilder, config: PublishConfig, distribution: string): void {
  // The files of a version are immutable: each is issued, and last modified, with its release.
  g.add(distribution, t('dct', 'issued'), typed(config.dates.modified, `${NS.xsd}date`))
    .add(distribution, t('dct', 'modified'), typed(config.dates.modified, `${NS.xsd}date`))
    .link(distribution, `${DCATAP}availability`, `${EU}planned-availability/STABLE`)
    .link(distribution, t('dct', 'license'), config.license);
}

function format(g: GraphBuilder, distribution: string, mediaType: string): void {
  const fileType = FILE_TYPES[mediaType];
  if (!fileType) return;
  const iri = `${EU}file-type/${fileType.id}`;
  g.link(distribution, t('dct', 'format'), iri)
    .type(iri, t('dct', 'MediaTypeOrExtent'), t('skos', 'Concept'))
    .link(iri, t('skos', 'inScheme'), `${EU}file-type`)
    .add(iri, t('skos', 'prefLabel'), langString(fileType.label));
}

/** One dump file as a distribution: download URL, IANA media type, EU file type, size and SHA-256. */
export function writeDumpDistribution(
  g: GraphBuilder,
  config: PublishConfig,
  dataset: string,
  file: DumpFile,
  version: string,
): void {
  const distribution = `${dataset}/distribution/${file.path}`;
  const url = `${dumpsUrlOf(config, version)}${file.path}`;
  const checksum = `${distribution}#sha256`;
  g.link(dataset, t('dcat', 'distribution'), distribution)
    .type(distribution, t('dcat', 'Distribution'))
    .add(distribution, t('dct', 'title'), langString(file.title))
    .add(
      distribution,
      t('dct', 'description'),
      langString(file.description ?? `${file.title}: ${file.path} of dump set ${version}.`),
    )
    .link(distribution, t('dcat', 'accessURL'), url)
    .link(distribution, t('dcat', 'downloadURL'), url)
    .link(distribution, t('dcat', 'mediaType'), `${IANA}${file.mediaType}`)
    .add(distribution, t('dcat', 'byteSize'), typed(String(file.content.length), `${NS.xsd}nonNegativeInteger`))
    .link(distribution, `${SPDX}checksum`, checksum)
    .link(distribution, t('dct', 'conformsTo'), file.conformsTo);
  common(g, config, distribution);
  format(g, distribution, file.mediaType);
  if (file.conformsTo) g.type(file.conformsTo, t('dct', 'Standard'));
  g.type(`${IANA}${file.mediaType}`, t('dct', 'MediaType'));
  if (file.gzip) {
    g.link(distribution, t('dcat', 'compressFormat'), `${IANA}application/gzip`).type(
      `${IANA}application/gzip`,
      t('dct', 'MediaType'),
    );
  }
  g.type(checksum, `${SPDX}Checksum`)
    .link(checksum, `${SPDX}algorithm`, `${SPDX}checksumAlgorithm_sha256`)
    .type(`${SPDX}checksumAlgorithm_sha256`, `${SPDX}ChecksumAlgorithm`)
    .add(checksum, `${SPDX}checksumValue`, typed(file.sha256, `${NS.xsd}hexBinary`));
}

/**
 * The SPARQL endpoint as a distribution (DCAT-AP's way to list an API beside the downloads): its access
 * URL and data service, and the EU file type SPARQLQ — what the endpoint takes. No dcat:mediaType: it
 * answers in a dozen formats, chosen by the client.
 */
export function writeSparqlDistribution(
  g: GraphBuilder,
  config: PublishConfig,
  dataset: string,
  service: string,
): void {
  const distribution = `${dataset}/distribution/sparql`;
  g.link(dataset, t('dcat', 'distribution'), distribution)
    .type(distribution, t('dcat', 'Distribution'))
    .add(distribution, t('dct', 'title'), langString('SPARQL endpoint'))
    .add(
      distribution,
      t('dct', 'description'),
      langString('The latest version of the graph, queried through the SPARQL 1.1 Protocol.'),
    )
    .link(distribution, t('dcat', 'accessURL'), config.sparqlEndpoint)
    .link(distribution, t('dcat', 'accessService'), service);
  common(g, config, distribution);
  format(g, distribution, 'application/sparql-query');
}
