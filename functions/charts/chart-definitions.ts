import { byText, type Bar, type ChartData, type Row } from './chart-data.js';

/** The namespaces a chart query needs: the ontology's and the deployment's base of minted IRIs. */
export interface ChartNamespaces {
  readonly icat: string;
  readonly base: string;
}

/** The chart namespaces of a deployment, from its minted IRIs (an `Iris`). */
export function chartNamespaces(iris: { readonly ontology: string; readonly base: string }): ChartNamespaces {
  return { icat: iris.ontology, base: iris.base };
}

export interface ChartDefinition {
  readonly id: string;
  readonly title: string;
  /** What the chart counts, and from which part of the mapping. */
  readonly caption: string;
  query(ns: ChartNamespaces): string;
  toData(rows: readonly Row[]): ChartData;
  /**
   * The variables behind each mark: the SVG writes `data-key` (these variables' values joined by a space)
   * and `data-value` on every mark, so a reader (or a test) can check the chart against its query.
   */
  readonly marks: { readonly key: readonly string[]; readonly value: string };
}

const prefixes = (ns: ChartNamespaces) => `PREFIX icat: <${ns.icat}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>
PREFIX geo: <http://metadata.un.org/sdg/codes/geoArea/>
`;

const count = (row: Row, name: string) => Number(row[name] ?? 0);

/** Bars sorted by value (largest first), then by label, so the order never depends on the engine. */
function bars(rows: readonly Row[], unit: string, key: string, label: string, value: string, note?: string): ChartData {
  const list: Bar[] = rows.map((row) => ({
    key: row[key] ?? '',
    label: row[label] ?? row[key] ?? '',
    value: count(row, value),
    ...(note && row[note] ? { note: sortedList(row[note]) } : {}),
  }));
  list.sort((a, b) => b.value - a.value || byText(a.label, b.label) || byText(a.key, b.key));
  return { kind: 'bars', unit, bars: list };
}

/** A GROUP_CONCAT's items come in no set order: sort them for a stable picture. */
const sortedList = (joined: string) => joined.split('; ').sort(byText).join('; ');

/** Entities by a concept property (forms of trafficking, expertise): how many entities name each concept. */
function entitiesByConcept(property: string) {
  return (ns: ChartNamespaces) => `${prefixes(ns)}SELECT ?concept ?label (COUNT(DISTINCT ?entity) AS ?entities)
  (GROUP_CONCAT(DISTINCT ?name; separator="; ") AS ?names)
WHERE {
  ?entity a icat:Entity ; icat:${property} ?concept ; skos:prefLabel ?name .
  ?concept skos:prefLabel ?label .
  FILTER(LANG(?label) = "en" && LANG(?name) = "en")
}
GROUP BY ?concept ?label`;
}

const activityAreas = `{ ?activity icat:country ?area } UNION { ?activity icat:geographicScope ?area }`;

export const CHARTS: readonly ChartDefinition[] = [
  {
    id: 'sdgs-by-entity',
    title: 'SDGs engaged, by entity',
    caption:
      'For each ICAT entity and SDG goal: how many SDG goals, targets or indicators under that goal the entity names as relevant to its work against trafficking (icat:relevantSDG; mapping, Section One, 4). Only entities that name SDGs are shown.',
    query: (ns) => `${prefixes(ns)}SELECT ?entity ?entityLabel ?goal (COUNT(DISTINCT ?sdg) AS ?named)
WHERE {
  ?entity a icat:Entity ; skos:prefLabel ?entityLabel ; icat:relevantSDG ?sdg .
  FILTER(LANG(?entityLabel) = "en")
  ?sdg skos:broader* ?goal .
  ?goal a sdgo:Goal .
}
GROUP BY ?entity ?entityLabel ?goal`,
    toData: (rows) => ({
      kind: 'sdg-heatmap',
      unit: 'goals, targets or indicators named',
      cells: rows.map((row) => ({
        row: row.entity ?? '',
        rowLabel: row.entityLabel ?? '',
        goal: Number((row.goal ?? '').replace(/^.*\//, '')),
        value: count(row, 'named'),
      })),
    }),
    marks: { key: ['entity', 'goal'], value: 'named' },
  },
  {
    id: 'forms-of-trafficking',
    title: 'Forms of trafficking the entities address',
    caption:
      'How many ICAT entities name each form of trafficking in persons in their mandate or focus (icat:tipForm; mapping, Section One, 1 and 5). The tooltip lists the entities.',
    query: entitiesByConcept('tipForm'),
    toData: (rows) => bars(rows, 'entities', 'concept', 'label', 'entities', 'names'),
    marks: { key: ['concept'], value: 'entities' },
  },
  {
    id: 'expertise',
    title: 'Areas of expertise of the entities',
    caption:
      'How many ICAT entities state each area of expertise on trafficking in persons (icat:expertise; mapping, Section One, 1 and 2). The tooltip lists the entities.',
    query: entitiesByConcept('expertise'),
    toData: (rows) => bars(rows, 'entities', 'concept', 'label', 'entities', 'names'),
    marks: { key: ['concept'], value: 'entities' },
  },
  {
    id: 'activities-by-priority',
    title: 'Activity examples by ICAT Action Plan priority',
    caption:
      'How many activity examples the mapping files under each of the six priorities of the ICAT Action Plan (icat:actionPlanPriority; mapping, Section Two, 4).',
    query: (ns) => `${prefixes(ns)}SELECT ?priority ?label (COUNT(DISTINCT ?activity) AS ?activities)
WHERE {
  ?activity a icat:Activity ; icat:actionPlanPriority ?priority .
  ?priority skos:prefLabel ?label .
  FILTER(LANG(?label) = "en")
}
GROUP BY ?priority ?label`,
    toData: (rows) => bars(rows, 'activity examples', 'priority', 'label', 'activities'),
    marks: { key: ['priority'], value: 'activities' },
  },
  {
    id: 'activities-by-region',
    title: 'Activity examples by region',
    caption:
      'How many activity examples name a country or area in each M49 region (icat:country and icat:geographicScope, walked up the M49 hierarchy; "World" counts activities whose scope is global). Activities naming no M49 area are not counted (mapping, Sections Two, 4 and Four).',
    query: (ns) => `${prefixes(ns)}SELECT ?region ?label (COUNT(DISTINCT ?activity) AS ?activities)
WHERE {
  VALUES ?region { geo:001 geo:002 geo:009 geo:019 geo:142 geo:150 }
  ?activity a icat:Activity .
  ${activityAreas}
  ?area skos:broader* ?region .
  FILTER(?region != geo:001 || ?area = geo:001)
  ?region skos:prefLabel ?label .
  FILTER(LANG(?label) = "en")
}
GROUP BY ?region ?label`,
    toData: (rows) => bars(rows, 'activity examples', 'region', 'label', 'activities'),
    marks: { key: ['region'], value: 'activities' },
  },
  {
    id: 'activities-by-country',
    title: 'Activity examples by country',
    caption:
      'How many activity examples name each country (icat:country, M49 codes; mapping, Sections Two, 4 and Four). Boundaries: Natural Earth via world-atlas (1:110m); they imply no opinion on the legal status of any country or territory or on the delimitation of its frontiers.',
    query: (ns) => `${prefixes(ns)}SELECT ?country ?label (COUNT(DISTINCT ?activity) AS ?activities)
WHERE {
  ?activity a icat:Activity ; icat:country ?country .
  ?country skos:prefLabel ?label .
  FILTER(LANG(?label) = "en")
}
GROUP BY ?country ?label`,
    toData: (rows) => ({
      kind: 'map',
      unit: 'activity examples',
      areas: rows.map((row) => ({
        m49: (row.country ?? '').replace(/^.*\//, ''),
        label: row.label ?? '',
        value: count(row, 'activities'),
      })),
    }),
    marks: { key: ['country'], value: 'activities' },
  },
  {
    id: 'mou-network',
    title: 'MoUs and other frameworks of cooperation between entities',
    caption:
      'Each line is one formal framework between two parties, as reported in the MoU table (icat:Agreement, icat:party; mapping, Section Three, 1). Blue: memorandum of understanding; orange: another framework. Dashed: reported by one side only (the other party did not answer the questionnaire).',
    query: (ns) => `${prefixes(ns)}SELECT DISTINCT ?agreement ?a ?aName ?b ?bName ?type ?typeLabel ?unilateral
WHERE {
  ?agreement a icat:Agreement ; icat:party ?a, ?b ; icat:agreementType ?type .
  FILTER(STR(?a) < STR(?b))
  ?type skos:prefLabel ?typeLabel .
  FILTER(LANG(?typeLabel) = "en")
  OPTIONAL { ?agreement icat:reportedUnilaterally ?unilateral }
  { SELECT ?a (COALESCE(MIN(?aAcronym), MIN(?aLabel)) AS ?aName)
    WHERE { [] a icat:Agreement ; icat:party ?a . ?a skos:prefLabel ?aLabel . OPTIONAL { ?a skos:altLabel ?aAcronym } }
    GROUP BY ?a }
  { SELECT ?b (COALESCE(MIN(?bAcronym), MIN(?bLabel)) AS ?bName)
    WHERE { [] a icat:Agreement ; icat:party ?b . ?b skos:prefLabel ?bLabel . OPTIONAL { ?b skos:altLabel ?bAcronym } }
    GROUP BY ?b }
}`,
    toData: (rows) => ({
      kind: 'network',
      edges: rows
        .map((row) => ({
          key: `${row.agreement} ${row.a} ${row.b}`,
          source: row.a ?? '',
          sourceLabel: row.aName ?? '',
          target: row.b ?? '',
          targetLabel: row.bName ?? '',
          type: row.typeLabel ?? '',
          isMou: (row.type ?? '').endsWith('/mou'),
          unilateral: row.unilateral === 'true',
        }))
        .sort((x, y) => byText(x.key, y.key)),
    }),
    marks: { key: ['agreement', 'a', 'b'], value: 'typeLabel' },
  },
  {
    id: 'initiatives',
    title: 'Multi-stakeholder initiatives: who takes part, and who leads',
    caption:
      'For each multi-stakeholder initiative that ICAT entities take part in: how many organizations or countries the mapping names in it, in any role (icat:lead, icat:participant, icat:hasRole), with its leads after the bar (mapping, Section Three, 3). Totals the text states without naming the members (such as the Bali Process\u2019s 49 members) are not counted.',
    query: (ns) => `${prefixes(ns)}SELECT ?initiative ?label (COUNT(DISTINCT ?party) AS ?parties)
  (GROUP_CONCAT(DISTINCT ?leadName; separator="; ") AS ?leads)
WHERE {
  ?initiative a icat:Initiative ; skos:prefLabel ?label .
  FILTER(LANG(?label) = "en")
  OPTIONAL { { ?initiative icat:lead ?party } UNION { ?initiative icat:participant ?party } UNION { ?initiative icat:hasRole/icat:agent ?party } }
  OPTIONAL { ?initiative icat:lead/skos:prefLabel ?leadName FILTER(LANG(?leadName) = "en") }
}
GROUP BY ?initiative ?label`,
    toData: (rows) => bars(rows, 'organizations or countries named', 'initiative', 'label', 'parties', 'leads'),
    marks: { key: ['initiative'], value: 'parties' },
  },
  {
    id: 'publications-by-year',
    title: 'Publications by year',
    caption:
      'How many publications of the ICAT toolbox and of Annex I carry each year of issue (dct:issued; mapping, Section Four and Annex I). Publications without a year are not counted.',
    query: (ns) => `${prefixes(ns)}SELECT ?year (COUNT(DISTINCT ?publication) AS ?publications)
WHERE {
  ?publication a icat:Publication ; dct:issued ?issued .
  BIND(STR(?issued) AS ?year)
}
GROUP BY ?year`,
    toData: (rows) => {
      const data = bars(rows, 'publications', 'year', 'year', 'publications');
      // A time axis reads in time order, not by size.
      return data.kind === 'bars' ? { ...data, bars: [...data.bars].sort((a, b) => byText(a.key, b.key)) } : data;
    },
    marks: { key: ['year'], value: 'publications' },
  },
  {
    id: 'publications-by-publisher',
    title: 'Publications by publisher',
    caption:
      'How many publications of the ICAT toolbox and of Annex I each publisher issued (dct:publisher; mapping, Section Four and Annex I).',
    query: (ns) => `${prefixes(ns)}SELECT ?publisher ?label (COUNT(DISTINCT ?publication) AS ?publications)
WHERE {
  ?publication a icat:Publication ; dct:publisher ?publisher .
  ?publisher skos:prefLabel ?label .
  FILTER(LANG(?label) = "en")
}
GROUP BY ?publisher ?label`,
    toData: (rows) => bars(rows, 'publications', 'publisher', 'label', 'publications'),
    marks: { key: ['publisher'], value: 'publications' },
  },
];
