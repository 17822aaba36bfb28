import { ICAT_ONTOLOGY } from '../rdf/namespaces.js';

/** A worked example query of the query UI. */
export interface ExampleQuery {
  readonly id: string;
  readonly title: string;
  readonly query: string;
}

const prefixes = (_base: string) => `PREFIX icat: <${ICAT_ONTOLOGY}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX sdg: <http://metadata.un.org/sdg/>
PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>
PREFIX geo: <http://metadata.un.org/sdg/codes/geoArea/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
`;

/** The example queries about the mapping, for the given base IRI. */
export function exampleQueries(base: string): ExampleQuery[] {
  const p = prefixes(base);
  const concept = (scheme: string, slug: string) => `<${base}id/concept/${scheme}/${slug}>`;
  return [
    {
      id: 'mous',
      title: 'Who has MoUs with whom (and who reported them)',
      query: `${p}SELECT ?entity ?partner (GROUP_CONCAT(DISTINCT ?reporterName; separator=", ") AS ?reportedBy) ?unilateral
WHERE {
  ?agreement icat:agreementType ${concept('agreement-type', 'mou')} ;
             icat:party ?a, ?b ;
             icat:reportedBy ?reporter ;
             icat:reportedUnilaterally ?unilateral .
  FILTER(STR(?a) < STR(?b))
  ?a skos:prefLabel ?entity . ?b skos:prefLabel ?partner . ?reporter skos:prefLabel ?reporterName .
}
GROUP BY ?entity ?partner ?unilateral
ORDER BY ?entity ?partner`,
    },
    {
      id: 'sdg-16-2',
      title: 'Entities that work on SDG target 16.2, in their own words',
      query: `${p}SELECT ?entity ?statedAs
WHERE {
  ?e icat:relevantSDG sdg:16.2 ; skos:prefLabel ?entity .
  ?statement rdf:subject ?e ; rdf:predicate icat:relevantSDG ; rdf:object sdg:16.2 ; icat:statedAs ?statedAs .
}
ORDER BY ?entity`,
    },
    {
      id: 'activities-in-moldova',
      title: 'Activities in a given country (Moldova, M49 498)',
      query: `${p}SELECT ?activity ?label ?implementer
WHERE {
  ?activity a icat:Activity ; icat:country geo:498 ; skos:prefLabel ?label .
  OPTIONAL { ?activity icat:implementer/skos:prefLabel ?implementer }
}
ORDER BY ?label`,
    },
    {
      id: 'publications-by-year',
      title: 'Publications of an entity (UNODC) by year',
      query: `${p}SELECT ?year ?title ?url
WHERE {
  ?publication dct:publisher <${base}id/entity/unodc> ; dct:title ?title .
  OPTIONAL { ?publication dct:issued ?year }
  OPTIONAL { ?publication schema:url ?url }
}
ORDER BY DESC(?year) ?title`,
    },
    {
      id: 'target-to-indicators',
      title: 'From SDG target 8.7 to its indicators and the entities that cite it',
      query: `${p}SELECT ?indicator ?code ?label ?entity
WHERE {
  ?indicator skos:broader sdg:8.7 ; a sdgo:Indicator ; skos:notation ?code ; skos:prefLabel ?label .
  FILTER(LANG(?label) = "en" && DATATYPE(?code) = sdgo:SDGCodeCompact)
  OPTIONAL { ?e icat:relevantSDG sdg:8.7 ; skos:prefLabel ?entity }
}
ORDER BY ?code ?entity`,
    },
    {
      id: 'no-field-presence',
      title: 'Entities without field presence',
      query: `${p}SELECT ?entity ?kind
WHERE {
  ?e icat:hasFieldPresence false ; skos:prefLabel ?entity ; icat:kind/skos:prefLabel ?kind .
}
ORDER BY ?entity`,
    },
    {
      id: 'activities-per-priority',
      title: 'Activity examples per ICAT Action Plan priority',
      query: `${p}SELECT ?number ?priority (COUNT(?activity) AS ?activities)
WHERE {
  ?activity icat:actionPlanPriority ?p .
  ?p skos:prefLabel ?priority ; skos:notation ?number .
}
GROUP BY ?number ?priority
ORDER BY ?number`,
    },
    {
      id: 'initiatives-and-leads',
      title: 'Multi-stakeholder initiatives, their scope and who leads them',
      query: `${p}SELECT ?initiative ?scope (GROUP_CONCAT(DISTINCT ?leadName; separator=", ") AS ?leads)
WHERE {
  ?i a icat:Initiative ; skos:prefLabel ?initiative ; icat:scopeStatedAs ?scope .
  OPTIONAL { ?i icat:hasRole ?role . ?role icat:roleType/skos:broader? ${concept('role', 'lead')} .
             { ?role icat:agent/skos:prefLabel ?leadName } UNION { ?role icat:country/skos:prefLabel ?leadName FILTER(LANG(?leadName) = "en") } }
}
GROUP BY ?initiative ?scope
ORDER BY ?initiative`,
    },
    {
      id: 'activities-in-africa',
      title: 'Activities in African countries: walking country → region (M49)',
      query: `${p}SELECT ?country ?label
WHERE {
  ?activity icat:country ?c ; skos:prefLabel ?label .
  ?c skos:broader+ geo:002 ; skos:prefLabel ?country .
  FILTER(LANG(?country) = "en")
}
ORDER BY ?country ?label`,
    },
    {
      id: 'reported-figures',
      title: 'Figures reported for activities, with what they count',
      query: `${p}SELECT ?activity ?value ?counts ?statedAs
WHERE {
  ?a icat:reportedFigure ?f ; skos:prefLabel ?activity .
  ?f schema:value ?value ; icat:counts ?counts ; icat:statedAs ?statedAs .
}
ORDER BY DESC(?value)
LIMIT 50`,
    },
    {
      id: 'forms-of-trafficking',
      title: 'Forms of trafficking each entity works on',
      query: `${p}SELECT ?entity (GROUP_CONCAT(?form; separator=", ") AS ?forms)
WHERE {
  ?e icat:tipForm/skos:prefLabel ?form ; skos:prefLabel ?entity .
}
GROUP BY ?entity
ORDER BY ?entity`,
    },
    {
      id: 'provenance',
      title: 'Where the records come from: named graphs per section of the document',
      query: `${p}SELECT ?section (COUNT(DISTINCT ?g) AS ?graphs)
WHERE {
  GRAPH ?g { ?g icat:sourceSection ?section }
}
GROUP BY ?section
ORDER BY ?section`,
    },
  ];
}
