import { NotAcceptableError } from './query-errors.js';

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

/** What a query form answers with: a result set (SELECT, ASK) or an RDF graph (CONSTRUCT, DESCRIBE). */
type ResultKind = 'results' | 'graph';

const SRJ = 'application/sparql-results+json';
const SRX = 'application/sparql-results+xml';
const CSV = 'text/csv';
const TSV = 'text/tab-separated-values';
const TURTLE = 'text/turtle';
const NTRIPLES = 'application/n-triples';
const NQUADS = 'application/n-quads';
const TRIG = 'application/trig';
const JSONLD = 'application/ld+json';
const RDFXML = 'application/rdf+xml';

/** The media types each form is answered in, the first being the default. */
const OFFERED: Readonly<Record<QueryForm, readonly string[]>> = {
  select: [SRJ, SRX, CSV, TSV],
  ask: [SRJ, SRX],
  construct: [TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD, RDFXML],
  describe: [TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD, RDFXML],
};

/**
 * What a name means for a result set and for a graph. Names are the short values clients put in the
 * `format`, `output` or `results` parameter (SPARQLWrapper sends `xml`, `json`, `n3`, `rdf+xml`, `json-ld`
 * whatever the query form), and media types, which also count in `Accept`: `xml` is SPARQL XML for a
 * SELECT and RDF/XML for a CONSTRUCT, as in Virtuoso and Fuseki.
 */
const NAMES: Readonly<Record<string, { readonly results?: string; readonly graph?: string }>> = {
  ...same(['json', 'application/json'], { results: SRJ, graph: JSONLD }),
  ...same(['xml', 'application/xml', 'text/xml'], { results: SRX, graph: RDFXML }),
  ...same(['srj', SRJ], { results: SRJ }),
  ...same(['srx', SRX], { results: SRX }),
  ...same(['csv', CSV], { results: CSV }),
  ...same(['tsv', TSV], { results: TSV }),
  ...same(['turtle', 'ttl', 'n3', TURTLE, 'text/n3', 'text/rdf+n3', 'application/x-turtle', 'application/turtle'], {
    graph: TURTLE,
  }),
  ...same(['ntriples', 'nt', 'n-triples', NTRIPLES, 'text/plain'], { graph: NTRIPLES }),
  ...same(['nquads', 'nq', 'n-quads', NQUADS], { graph: NQUADS }),
  ...same(['trig', TRIG], { graph: TRIG }),
  ...same(['jsonld', 'json-ld', JSONLD, 'application/x-json+ld'], { graph: JSONLD }),
  ...same(['rdfxml', 'rdf+xml', 'rdf', 'xml-rdf', RDFXML], { graph: RDFXML }),
};

function same<T>(names: readonly string[], value: T): Record<string, T> {
  return Object.fromEntries(names.map((name) => [name, value]));
}

function kindOf(form: QueryForm): ResultKind {
  return form === 'select' || form === 'ask' ? 'results' : 'graph';
}

export function offeredFor(form: QueryForm): string[] {
  return [...OFFERED[form]];
}

interface Range {
  readonly type: string;
  readonly q: number;
}

/** Parses an Accept header into media ranges, best first (by q, then by specificity, then by order). */
export function parseAccept(header: string | undefined): Range[] {
  return allRanges(header)
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || specificity(b.type) - specificity(a.type) || a.index - b.index);
}

function allRanges(header: string | undefined): (Range & { readonly index: number })[] {
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
    .filter((r) => r.type.length > 0);
}

function specificity(type: string): number {
  return type === '*/*' ? 0 : type.endsWith('/*') ? 1 : 2;
}

/**
 * Picks the media type of the answer to a query of this form.
 *
 * 1. The format parameters (`format`, `output`, `results`, in that order; the caller passes their values):
 *    the first value that names a format of this form wins. Values that name nothing this form is
 *    answered in (`csv` for a CONSTRUCT, `foo`) are ignored, as Virtuoso and Fuseki do.
 * 2. Else `Accept`: the best range this form is answered in; none, or only wildcards, give the default.
 * 3. An `Accept` that lists only formats of the other query forms (roqet asks for SPARQL XML results for
 *    a CONSTRUCT) gets this form's default (Turtle for graphs, SPARQL JSON for result sets).
 * 4. An `Accept` that lists nothing this endpoint writes at all (`image/png`) is answered 406.
 */
export function negotiate(
  form: QueryForm,
  accept: string | undefined,
  formats: string | readonly string[] | undefined,
): string {
  const kind = kindOf(form);
  const offered = OFFERED[form];
  for (const value of typeof formats === 'string' ? [formats] : (formats ?? [])) {
    const wanted = NAMES[value.trim().toLowerCase()]?.[kind];
    if (wanted && offered.includes(wanted)) return wanted;
  }
  const ranges = parseAccept(accept);
  // Types refused with q=0 stay refused when the default or a wildcard decides.
  const refused = new Set(
    allRanges(accept)
      .filter((r) => r.q <= 0)
      .map((r) => mediaTypeOf(r.type, kind)),
  );
  const firstAllowed = (prefix = '') => offered.find((t) => t.startsWith(prefix) && !refused.has(t));
  if (ranges.length === 0) return firstAllowed() ?? notAcceptable(form);
  for (const { type } of ranges) {
    if (type === '*/*') return firstAllowed() ?? notAcceptable(form);
    if (type.endsWith('/*')) {
      const match = firstAllowed(type.slice(0, -1));
      if (match) return match;
      continue;
    }
    const wanted = mediaTypeOf(type, kind);
    if (offered.includes(wanted)) return wanted;
  }
  if (ranges.some((r) => isWrittenHere(r.type))) return firstAllowed() ?? notAcceptable(form);
  return notAcceptable(form);
}

/** The media type an Accept type stands for with this kind of result (`application/json` is JSON-LD for a graph). */
function mediaTypeOf(type: string, kind: ResultKind): string {
  return type.includes('/') ? (NAMES[type]?.[kind] ?? type) : type;
}

/** Whether this endpoint writes this media type for some query form. */
function isWrittenHere(type: string): boolean {
  return type.includes('/') && NAMES[type] !== undefined;
}

function notAcceptable(form: QueryForm): never {
  throw new NotAcceptableError(form, OFFERED[form]);
}
