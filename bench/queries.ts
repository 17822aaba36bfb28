import { exampleQueries } from '../functions/http/examples.js';

/** A benchmark query: what it exercises, and the Accept header it is asked with. */
export interface BenchQuery {
  readonly id: string;
  readonly kind: 'example' | 'join' | 'aggregate' | 'path' | 'graph' | 'construct';
  readonly query: string;
  readonly accept: string;
}

const JSON_RESULTS = 'application/sparql-results+json';
const N_TRIPLES = 'application/n-triples';

const PREFIXES = `PREFIX icat: <https://w3id.org/icat-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>
PREFIX sdg: <http://metadata.un.org/sdg/>
PREFIX geo: <http://metadata.un.org/sdg/codes/geoArea/>
`;

/**
 * Beyond the worked examples: joins, aggregates, property paths, GRAPH and the other query forms, each
 * written the way a consumer of this graph would ask it.
 */
const MORE: readonly Omit<BenchQuery, 'accept'>[] = [
  {
    id: 'entity-activities',
    kind: 'join',
    query: `SELECT ?entity ?activity ?country WHERE {
  ?e a icat:Entity ; skos:prefLabel ?entity .
  ?a a icat:Activity ; icat:implementer ?e ; skos:prefLabel ?activity ; icat:country ?c .
  ?c skos:prefLabel ?country .
} ORDER BY ?entity ?activity ?country`,
  },
  {
    id: 'shared-sdg-targets',
    kind: 'join',
    query: `SELECT ?a ?b (COUNT(DISTINCT ?t) AS ?shared) WHERE {
  ?x a icat:Entity ; icat:relevantSDG ?t ; skos:prefLabel ?a .
  ?y a icat:Entity ; icat:relevantSDG ?t ; skos:prefLabel ?b .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b ORDER BY DESC(?shared) ?a ?b LIMIT 25`,
  },
  {
    id: 'publication-publishers',
    kind: 'join',
    query: `SELECT ?title ?publisher ?issued WHERE {
  ?p a icat:Publication ; dct:title ?title ; dct:publisher/skos:prefLabel ?publisher .
  OPTIONAL { ?p dct:issued ?issued }
} ORDER BY ?publisher ?title`,
  },
  {
    id: 'agreement-parties',
    kind: 'join',
    query: `SELECT ?agreement ?type ?party WHERE {
  ?agreement a icat:Agreement ; icat:agreementType/skos:prefLabel ?type ; icat:party/skos:prefLabel ?party .
} ORDER BY ?agreement ?party`,
  },
  {
    id: 'optional-chain',
    kind: 'join',
    query: `SELECT ?entity ?expertise ?mandate WHERE {
  ?e a icat:Entity ; skos:prefLabel ?entity .
  OPTIONAL { ?e icat:expertise/skos:prefLabel ?expertise }
  OPTIONAL { ?e icat:mandate ?mandate }
} ORDER BY ?entity ?expertise`,
  },
  {
    id: 'count-all',
    kind: 'aggregate',
    query: `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`,
  },
  {
    id: 'count-by-class',
    kind: 'aggregate',
    query: `SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class`,
  },
  {
    id: 'count-by-predicate',
    kind: 'aggregate',
    query: `SELECT ?p (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p`,
  },
  {
    id: 'activities-per-country',
    kind: 'aggregate',
    // COALESCE: with an unbound value in a group, Oxigraph's GROUP_CONCAT is unbound, Comunica skips it.
    query: `SELECT ?country (COUNT(DISTINCT ?a) AS ?activities) (GROUP_CONCAT(DISTINCT ?who; separator="|") AS ?implementers) WHERE {
  ?a a icat:Activity ; icat:country/skos:prefLabel ?country .
  OPTIONAL { ?a icat:implementer/skos:prefLabel ?implementer }
  BIND(COALESCE(?implementer, "(none)") AS ?who)
} GROUP BY ?country ORDER BY DESC(?activities) ?country`,
  },
  {
    id: 'label-lengths',
    kind: 'aggregate',
    query: `SELECT (MIN(STRLEN(?l)) AS ?shortest) (MAX(STRLEN(?l)) AS ?longest) (SUM(STRLEN(?l)) AS ?total) (COUNT(?l) AS ?labels) WHERE { ?s skos:prefLabel ?l }`,
  },
  {
    id: 'distinct-languages',
    kind: 'aggregate',
    query: `SELECT ?lang (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) BIND(LANG(?o) AS ?lang) } GROUP BY ?lang ORDER BY ?lang`,
  },
  {
    id: 'sdg-goal-of-targets',
    kind: 'path',
    query: `SELECT ?entity ?goal WHERE {
  ?e a icat:Entity ; skos:prefLabel ?entity ; icat:relevantSDG/skos:broader* ?goal .
  ?goal a sdgo:Goal .
} ORDER BY ?entity ?goal`,
  },
  {
    id: 'concept-ancestors',
    kind: 'path',
    query: `SELECT ?concept (COUNT(DISTINCT ?ancestor) AS ?ancestors) WHERE {
  ?concept a skos:Concept ; skos:broader+ ?ancestor .
} GROUP BY ?concept ORDER BY DESC(?ancestors) ?concept LIMIT 50`,
  },
  {
    id: 'africa-subregions',
    kind: 'path',
    query: `SELECT ?area ?label WHERE { ?area skos:broader+ geo:002 ; skos:prefLabel ?label } ORDER BY ?label`,
  },
  {
    id: 'alternative-path',
    kind: 'path',
    query: `SELECT DISTINCT ?s ?name WHERE { ?s (skos:prefLabel|rdfs:label|dct:title) ?name FILTER(CONTAINS(LCASE(STR(?name)), "trafficking")) } ORDER BY ?s ?name`,
  },
  {
    id: 'graphs-by-size',
    kind: 'graph',
    query: `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 20`,
  },
  {
    id: 'record-graph-sources',
    kind: 'graph',
    query: `SELECT ?g ?record ?section WHERE {
  GRAPH ?g { ?g a icat:RecordGraph ; icat:sourceRecord ?record ; icat:sourceSection ?section }
} ORDER BY ?g`,
  },
  {
    id: 'graph-of-entity',
    kind: 'graph',
    query: `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a icat:Entity ; ?p ?o } } GROUP BY ?g ORDER BY ?g`,
  },
  {
    id: 'construct-entities',
    kind: 'construct',
    query: `CONSTRUCT { ?e skos:prefLabel ?l ; icat:relevantSDG ?t } WHERE { ?e a icat:Entity ; skos:prefLabel ?l ; icat:relevantSDG ?t }`,
  },
];

/** The benchmark: the worked examples of the query UI, then the queries above (with their prefixes). */
export function benchQueries(base: string): BenchQuery[] {
  return [
    ...exampleQueries(base).map((e) => ({ id: e.id, kind: 'example' as const, query: e.query, accept: JSON_RESULTS })),
    ...MORE.map((q) => ({
      ...q,
      query: PREFIXES + q.query,
      accept: q.kind === 'construct' ? N_TRIPLES : JSON_RESULTS,
    })),
  ];
}
