/** What a chart draws, whatever produced it: one row of a SPARQL SELECT answer, variable → value. */
export type Row = Readonly<Record<string, string>>;

export interface Bar {
  /** The IRI (or value) that the bar stands for, written into the SVG as `data-key`. */
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** Shown after the value and in the tooltip (e.g. the leads of an initiative). */
  readonly note?: string;
}

export interface BarsData {
  readonly kind: 'bars';
  /** What the values count, e.g. "entities". */
  readonly unit: string;
  readonly bars: readonly Bar[];
}

export interface HeatCell {
  readonly row: string;
  readonly rowLabel: string;
  /** The SDG goal number, 1 to 17. */
  readonly goal: number;
  readonly value: number;
}

export interface SdgHeatmapData {
  readonly kind: 'sdg-heatmap';
  readonly unit: string;
  readonly cells: readonly HeatCell[];
}

export interface MapArea {
  /** The M49 code, which is the ISO 3166 numeric code for a country. */
  readonly m49: string;
  readonly label: string;
  readonly value: number;
}

export interface MapData {
  readonly kind: 'map';
  readonly unit: string;
  readonly areas: readonly MapArea[];
}

export interface NetworkEdge {
  readonly key: string;
  readonly source: string;
  readonly sourceLabel: string;
  readonly target: string;
  readonly targetLabel: string;
  /** The label of the agreement type. */
  readonly type: string;
  readonly isMou: boolean;
  /** The other party did not answer the questionnaire: only one side reported the framework. */
  readonly unilateral: boolean;
}

export interface NetworkData {
  readonly kind: 'network';
  readonly edges: readonly NetworkEdge[];
}

export type ChartData = BarsData | SdgHeatmapData | MapData | NetworkData;

/** Sorting that does not depend on the order a query engine returned its rows. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The rows of a SPARQL 1.1 JSON results document, as plain strings. */
export function rowsOfSparqlJson(json: {
  results: { bindings: ReadonlyArray<Readonly<Record<string, { value: string }>>> };
}): Row[] {
  return json.results.bindings.map((binding) =>
    Object.fromEntries(Object.entries(binding).map(([name, term]) => [name, term.value])),
  );
}
