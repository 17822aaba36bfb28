import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { Validator } from 'shacl-engine';
import { ontologyPath } from '../package-paths.js';
import { DEFAULT_BASE_IRI, rebaseIris } from '../rdf/namespaces.js';

/** One SHACL result, reduced to what a person needs to find and fix it. */
export interface ShaclViolation {
  readonly severity: 'Violation' | 'Warning' | 'Info';
  readonly focusNode: string;
  readonly path?: string;
  readonly value?: string;
  readonly message: string;
  readonly shape?: string;
}

export interface ShaclReport {
  readonly conforms: boolean;
  readonly results: readonly ShaclViolation[];
}

/** Shapes from Turtle, with the default base rewritten to the deployment's (like the ontology). */
export function loadShapes(text: string, base = DEFAULT_BASE_IRI): Quad[] {
  const escapedDefault = escapeRegExp(DEFAULT_BASE_IRI);
  const escapedBase = escapeRegExp(base);
  return new Parser({ format: 'text/turtle' }).parse(rebaseIris(text, base)).map((q) =>
    // IRI patterns (sh:pattern) hold the base as a regular expression: rewrite it there too.
    q.object.termType === 'Literal' && q.object.value.includes(escapedDefault)
      ? DataFactory.quad(
          q.subject,
          q.predicate,
          DataFactory.literal(q.object.value.replaceAll(escapedDefault, escapedBase)),
          q.graph,
        )
      : q,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function projectShapes(base: string): Quad[] {
  return loadShapes(readFileSync(ontologyPath('shapes.ttl'), 'utf8'), base);
}

/**
 * Validates the union of all graphs (SHACL knows no named graphs) against the shapes, with shacl-engine,
 * the fastest JavaScript engine measured here (see bench/shacl-engines.ts).
 */
export async function validateShacl(data: readonly Quad[], shapes: readonly Quad[]): Promise<ShaclReport> {
  const dataset = new Store();
  // Into the default graph, each triple once, without making a quad object per triple.
  for (const q of data) dataset.addQuad(q.subject, q.predicate, q.object);
  const validator = new Validator(new Store([...shapes]), { factory: { ...DataFactory, dataset: () => new Store() } });
  const report = await validator.validate({ dataset });
  const results: ShaclViolation[] = report.results.map((r) => ({
    severity: localName(r.severity) as ShaclViolation['severity'],
    focusNode: show(r.focusNode?.term),
    ...(r.path?.[0]?.predicates?.[0] ? { path: r.path[0].predicates[0].value } : {}),
    ...(r.value?.term ? { value: show(r.value.term) } : {}),
    message: r.message.map((m) => m.value).join('; ') || localName(r.constraintComponent),
    ...(r.shape?.term ? { shape: show(r.shape.term) } : {}),
  }));
  return { conforms: report.conforms, results };
}

export function formatViolation(v: ShaclViolation): string {
  const path = v.path ? ` ${v.path}` : '';
  const value = v.value ? ` (value ${v.value})` : '';
  return `${v.severity}: ${v.focusNode}${path}: ${v.message}${value}`;
}

/** Raised when the graph does not conform; carries the whole report. */
export class ShaclError extends Error {
  constructor(readonly report: ShaclReport) {
    const violations = report.results.filter((r) => r.severity === 'Violation');
    super(
      `SHACL validation failed with ${violations.length} violation(s):\n${violations.slice(0, 50).map(formatViolation).join('\n')}`,
    );
    this.name = 'ShaclError';
  }
}

function show(term: Term | undefined): string {
  if (!term) return '(none)';
  return term.termType === 'Literal' ? JSON.stringify(term.value) : term.value;
}

function localName(term: Term | undefined): string {
  return term ? term.value.replace(/^.*[#/]/, '') : '';
}
