import type { Quad } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, integer, langString } from '../rdf/terms.js';

const FORMATS = 'http://www.w3.org/ns/formats/';
const RESULT_FORMATS = [
  'SPARQL_Results_JSON',
  'SPARQL_Results_XML',
  'SPARQL_Results_CSV',
  'SPARQL_Results_TSV',
  'Turtle',
  'N-Triples',
  'N-Quads',
  'TriG',
  'JSON-LD',
  'RDF_XML',
];

/**
 * The SPARQL 1.1 Service Description of the endpoint at `endpoint` (the absolute URL it was asked at):
 * languages, result formats, features, and the default dataset linked to the VoID description.
 */
export function serviceDescription(endpoint: string, base: string, voidUrl: string, triples?: number): Quad[] {
  const g = new GraphBuilder(`${base}sparql#description`);
  const sd = (local: string) => `${NS.sd}${local}`;
  const dataset = `${base}dataset`;
  const defaultGraph = `${base}dataset#default-graph`;
  g.type(endpoint, sd('Service'))
    .link(endpoint, sd('endpoint'), endpoint)
    .link(endpoint, sd('supportedLanguage'), sd('SPARQL11Query'))
    .link(endpoint, sd('feature'), sd('UnionDefaultGraph'))
    .link(endpoint, sd('feature'), sd('BasicFederatedQuery'))
    .link(endpoint, sd('defaultEntailmentRegime'), 'http://www.w3.org/ns/entailment/Simple')
    .link(endpoint, sd('defaultDataset'), dataset)
    .add(endpoint, `${NS.dct}title`, langString('ICAT Knowledge Graph SPARQL endpoint'));
  for (const f of RESULT_FORMATS) g.link(endpoint, sd('resultFormat'), `${FORMATS}${f}`);
  g.type(dataset, sd('Dataset'), `${NS.void}Dataset`)
    .link(dataset, sd('defaultGraph'), defaultGraph)
    .link(dataset, `${NS.rdfs}seeAlso`, voidUrl)
    .link(dataset, `${NS.void}sparqlEndpoint`, endpoint);
  g.type(defaultGraph, sd('Graph')).add(
    defaultGraph,
    `${NS.void}triples`,
    triples === undefined ? undefined : integer(triples),
  );
  return g.quads;
}
