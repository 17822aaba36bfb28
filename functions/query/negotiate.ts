import { NotAcceptableError } from './query-errors.js';

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

/** Result formats per query form, the first being the default; `format` names are the fallback parameter. */
const RESULT_FORMATS = [
  { mediaType: 'application/sparql-results+json', names: ['json', 'srj'], forms: ['select', 'ask'] },
  { mediaType: 'application/sparql-results+xml', names: ['xml', 'srx'], forms: ['select', 'ask'] },
  { mediaType: 'text/csv', names: ['csv'], forms: ['select'] },
  { mediaType: 'text/tab-separated-values', names: ['tsv'], forms: ['select'] },
  { mediaType: 'text/turtle', names: ['turtle', 'ttl'], forms: ['construct', 'describe'] },
  { mediaType: 'application/n-triples', names: ['ntriples', 'nt'], forms: ['construct', 'describe'] },
  { mediaType: 'application/n-quads', names: ['nquads', 'nq'], forms: ['construct', 'describe'] },
  { mediaType: 'application/trig', names: ['trig'], forms: ['construct', 'describe'] },
  { mediaType: 'application/ld+json', names: ['jsonld', 'json-ld'], forms: ['construct', 'describe'] },
  { mediaType: 'application/rdf+xml', names: ['rdfxml', 'xml-rdf', 'rdf'], forms: ['construct', 'describe'] },
] as const;

/** Aliases clients send for the SPARQL result types. */
const ALIASES: Readonly<Record<string, string>> = {
  'application/json': 'application/sparql-results+json',
  'application/xml': 'application/sparql-results+xml',
  'text/xml': 'application/sparql-results+xml',
  'application/x-turtle': 'text/turtle',
  'text/plain': 'application/n-triples',
};

export function offeredFor(form: QueryForm): string[] {
  return RESULT_FORMATS.filter((f) => (f.forms as readonly string[]).includes(form)).map((f) => f.mediaType);
}

interface Range {
  readonly type: string;
  readonly q: number;
}

/** Parses an Accept header into media ranges, best first (by q, then by specificity, then by order). */
export function parseAccept(header: string | undefined): Range[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? '1',
      );
      return { type: type.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.type.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || specificity(b.type) - specificity(a.type) || a.index - b.index);
}

function specificity(type: string): number {
  return type === '*/*' ? 0 : type.endsWith('/*') ? 1 : 2;
}

/**
 * Picks the result media type: the `format` parameter if given, else the best Accept range this form
 * offers; no Accept or only wildcards give the form's default.
 */
export function negotiate(form: QueryForm, accept: string | undefined, format: string | undefined): string {
  const offered = offeredFor(form);
  if (format) {
    const wanted = format.toLowerCase();
    const byName = RESULT_FORMATS.find(
      (f) => (f.names as readonly string[]).includes(wanted) || f.mediaType === wanted,
    );
    const mediaType = byName?.mediaType ?? ALIASES[wanted];
    if (mediaType && offered.includes(mediaType)) return mediaType;
    throw new NotAcceptableError(form, offered);
  }
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return offered[0]!;
  for (const range of ranges) {
    if (range.type === '*/*') return offered[0]!;
    const type = ALIASES[range.type] ?? range.type;
    if (offered.includes(type)) return type;
    if (type.endsWith('/*')) {
      const match = offered.find((o) => o.startsWith(type.slice(0, -1)));
      if (match) return match;
    }
  }
  throw new NotAcceptableError(form, offered);
}
