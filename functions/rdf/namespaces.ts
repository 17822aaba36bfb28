/** The namespaces the graph uses; external ones are the official IRIs, never copies under our base. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  dcat: 'http://www.w3.org/ns/dcat#',
  void: 'http://rdfs.org/ns/void#',
  sh: 'http://www.w3.org/ns/shacl#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  sdg: 'http://metadata.un.org/sdg/',
  sdgo: 'http://metadata.un.org/sdg/ontology#',
  geo: 'http://metadata.un.org/sdg/codes/geoArea/',
  unbist: 'http://metadata.un.org/thesaurus/',
  wd: 'http://www.wikidata.org/entity/',
} as const;

export type Prefix = keyof typeof NS;

/** The default base of every minted IRI (docs/vocabulary.md). */
export const DEFAULT_BASE_IRI = 'https://w3id.org/icat-kg/';

/**
 * The ICAT ontology's namespace, `icat:`. It does not move with BASE_IRI: saved queries, JSON-LD term
 * meanings and the ontology itself are the same in every deployment (w3id.org redirects it).
 */
export const ICAT_ONTOLOGY = 'https://w3id.org/icat-kg/ontology#';

/** The ontology document, served at `{base}ontology` and dereferenced through w3id.org. */
export const ICAT_ONTOLOGY_DOCUMENT = 'https://w3id.org/icat-kg/ontology';

const DEFAULT_BASE_OUTSIDE_ONTOLOGY = /https:\/\/w3id\.org\/icat-kg\/(?!ontology\b)/g;

/**
 * Moves the IRIs of the shipped ontology, shapes and context from the default base to a deployment's
 * (instances and graphs follow BASE_IRI), leaving the ontology's own IRIs where they are.
 */
export function rebaseIris(text: string, base: string): string {
  return text.replace(DEFAULT_BASE_OUTSIDE_ONTOLOGY, base);
}
