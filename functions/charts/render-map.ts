import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { byText, type MapData } from './chart-data.js';
import { clip, el, escapeXml, svgDocument, title } from './svg.js';

const WIDTH = 900;
const MAP_HEIGHT = 440;
const EMPTY = '#e6e6e6';
/** A sequential blue ramp, light to dark: a country's class is its share of the largest value. */
const RAMP = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

type CountryFeatures = FeatureCollection<Geometry, { name: string }>;

let world: CountryFeatures | undefined;

/** World countries of Natural Earth (world-atlas, 1:110m); their ids are ISO 3166 numeric = M49 codes. */
function countries(): CountryFeatures {
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  world ??= feature(topology, topology.objects.countries) as CountryFeatures;
  return world;
}

function shade(value: number, max: number): string {
  return RAMP[Math.min(RAMP.length - 1, Math.floor((value / max) * RAMP.length - 1e-9))]!;
}

/** The value range of each colour in use, for the legend (whole counts from 1 to the largest). */
function legendClasses(max: number): { colour: string; from: number; to: number }[] {
  const classes = new Map<string, { colour: string; from: number; to: number }>();
  for (let value = 1; value <= max; value++) {
    const colour = shade(value, max);
    const known = classes.get(colour);
    if (known) known.to = value;
    else classes.set(colour, { colour, from: value, to: value });
  }
  return [...classes.values()];
}

/** A choropleth of the world; areas with no shape at this scale are listed under the map. */
export function renderMap(data: MapData, heading: string, description: string): string {
  const world = countries();
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, MAP_HEIGHT - 4],
    ],
    world,
  );
  const path = geoPath(projection).digits(1);
  const values = new Map(data.areas.map((a) => [a.m49, a]));
  const max = Math.max(1, ...data.areas.map((a) => a.value));
  const drawn = new Set<string>();
  const shapes = [...world.features]
    .sort((a, b) => byText(String(a.id), String(b.id)))
    .map((country) => {
      const id = String(country.id);
      const area = values.get(id);
      const d = path(country) ?? '';
      if (!area)
        return el('path', { d, fill: EMPTY, stroke: '#fff', 'stroke-width': 0.5 }, title(country.properties.name));
      drawn.add(id);
      return el(
        'path',
        {
          class: 'mark',
          'data-key': `http://metadata.un.org/sdg/codes/geoArea/${id}`,
          'data-value': String(area.value),
          d,
          fill: shade(area.value, max),
          stroke: '#fff',
          'stroke-width': 0.5,
        },
        title(`${area.label}: ${area.value} ${data.unit}`),
      );
    })
    .join('');
  const missing = data.areas.filter((a) => !drawn.has(a.m49)).sort((a, b) => byText(a.m49, b.m49));
  const listed = missing
    .map((area, i) =>
      el(
        'text',
        {
          class: 'mark',
          'data-key': `http://metadata.un.org/sdg/codes/geoArea/${area.m49}`,
          'data-value': String(area.value),
          x: 8,
          y: MAP_HEIGHT + 44 + i * 16,
          fill: '#222',
        },
        escapeXml(`${clip(area.label, 60)} (no shape at this scale): ${area.value}`),
      ),
    )
    .join('');
  const legend = legendClasses(max)
    .map(({ colour, from, to }, i) =>
      el(
        'g',
        { transform: `translate(${8 + i * 110},${MAP_HEIGHT + 10})` },
        el('rect', { width: 18, height: 12, fill: colour }),
        el(
          'text',
          { x: 24, y: 10, fill: '#222', 'font-size': 11 },
          escapeXml(from === to ? `${from}` : `${from}–${to}`),
        ),
      ),
    )
    .join('');
  const height = MAP_HEIGHT + 36 + missing.length * 16 + 8;
  return svgDocument(WIDTH, height, heading, description, shapes + legend + listed);
}
