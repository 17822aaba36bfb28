import { readFileSync } from 'node:fs';
import { Parser, type Quad } from 'n3';
import { ontologyPath } from '../package-paths.js';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const SDGO = 'http://metadata.un.org/sdg/ontology#';
const GEO_AREA = 'http://metadata.un.org/sdg/codes/geoArea/';

/** The parts of the UN SDG KOS that records cite: SDG codes and M49 areas, with their official IRIs. */
export interface SdgKos {
  /** "8.7" → http://metadata.un.org/sdg/8.7, "16.2.2" → http://metadata.un.org/sdg/C160202. */
  readonly sdgByCode: ReadonlyMap<string, string>;
  /** "498" → its English label. */
  readonly m49Labels: ReadonlyMap<string, string>;
}

export function geoAreaIri(m49: string): string {
  return `${GEO_AREA}${m49}`;
}

/** Builds the lookup tables from the Turtle of the KOS and of its geoArea code list. */
export function parseSdgKos(goalsTargetsIndicators: string, codes: string): SdgKos {
  const sdgByCode = new Map<string, string>();
  for (const q of parseTurtle(goalsTargetsIndicators)) {
    if (q.predicate.value === `${SKOS}notation` && q.object.termType === 'Literal') {
      if (q.object.datatype.value === `${SDGO}SDGCodeCompact`) sdgByCode.set(q.object.value, q.subject.value);
    }
  }
  const m49Labels = new Map<string, string>();
  const preferred = new Map<string, string>();
  for (const q of parseTurtle(codes)) {
    const subject = q.subject.value;
    if (!subject.startsWith(GEO_AREA) || q.object.termType !== 'Literal') continue;
    const code = subject.slice(GEO_AREA.length);
    if (!/^\d{3}$/.test(code)) continue;
    if (q.predicate.value === `${SKOS}prefLabel` && q.object.language === 'en') preferred.set(code, q.object.value);
    if (q.predicate.value === `${SKOS}notation`) m49Labels.set(code, m49Labels.get(code) ?? code);
  }
  for (const [code, label] of preferred) m49Labels.set(code, label);
  return { sdgByCode, m49Labels };
}

function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text);
}

let cached: SdgKos | undefined;

/** The KOS shipped in `ontology/vocab/`, read once per process. */
export function loadSdgKos(): SdgKos {
  cached ??= parseSdgKos(
    readFileSync(ontologyPath('vocab/sdg-kos-goals-targets-indicators.ttl'), 'utf8'),
    readFileSync(ontologyPath('vocab/sdg-codes.ttl'), 'utf8'),
  );
  return cached;
}
