import type { Quad, Term } from '@rdfjs/types';
import { compareStrings } from '../compare.js';

/**
 * Sorts quads and drops duplicates, by their N-Quads serialization, so every dump built from them is
 * byte-identical for the same records.
 */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  const keyed = new Map<string, Quad>();
  for (const q of quads) keyed.set(nquadsLine(q), q);
  return [...keyed.keys()].sort(compareStrings).map((k) => keyed.get(k)!);
}

/** One quad as a canonical N-Quads line (without the newline). */
export function nquadsLine(q: Quad): string {
  const graph = q.graph.termType === 'DefaultGraph' ? '' : ` ${term(q.graph)}`;
  return `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}${graph} .`;
}

function term(t: Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${escapeIri(t.value)}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const value = `"${escapeString(t.value)}"`;
      if (t.language) return `${value}@${t.language}`;
      if (t.datatype.value === 'http://www.w3.org/2001/XMLSchema#string') return value;
      return `${value}^^<${escapeIri(t.datatype.value)}>`;
    }
    default:
      throw new Error(`cannot serialize a ${t.termType} in N-Quads`);
  }
}

function escapeString(s: string): string {
  return s.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c]!);
}

// N-Quads forbids these in IRIs (control characters, space and the delimiters), so they are \u-escaped.
// eslint-disable-next-line no-control-regex
const IRI_ESCAPES = /[\u0000-\u0020<>"{}|^`\\]/g;

function escapeIri(s: string): string {
  return s.replace(IRI_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
}
