import type { Quad, Term } from '@rdfjs/types';
import { compareStrings } from '../compare.js';
import { ICAT_ONTOLOGY, NS } from '../rdf/namespaces.js';
import { escapeHtml, layout } from './pages.js';

const RDF_TYPE = `${NS.rdf}type`;
const KINDS: readonly { type: string; heading: string }[] = [
  { type: `${NS.owl}Class`, heading: 'Classes' },
  { type: `${NS.owl}ObjectProperty`, heading: 'Object properties' },
  { type: `${NS.owl}DatatypeProperty`, heading: 'Datatype properties' },
  { type: `${NS.owl}AnnotationProperty`, heading: 'Annotation properties' },
  { type: `${NS.rdf}Property`, heading: 'Other properties' },
];
/** Shown first, in this order; every other statement about a term follows under its predicate. */
const LEADING = [
  `${NS.rdfs}label`,
  `${NS.rdfs}comment`,
  `${NS.rdfs}subClassOf`,
  `${NS.rdfs}subPropertyOf`,
  `${NS.rdfs}domain`,
  `${NS.rdfs}range`,
];
const HIDDEN = new Set([RDF_TYPE, `${NS.rdfs}isDefinedBy`]);

/** The terms of the ICAT ontology that a documentation page lists, by kind. */
export function ontologyTerms(quads: readonly Quad[]): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const { type } of KINDS) {
    const terms = quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type)
      .map((q) => q.subject.value)
      .filter((iri) => iri.startsWith(ICAT_ONTOLOGY) && !placed.has(iri));
    const unique = [...new Set(terms)].sort(compareStrings);
    unique.forEach((iri) => placed.add(iri));
    byKind.set(type, unique);
  }
  return byKind;
}

/** Human-readable documentation of the ontology: every class and property, each with an anchor `#Name`. */
export function ontologyPage(quads: readonly Quad[]): string {
  const about = (iri: string) => quads.filter((q) => q.subject.value === iri && !HIDDEN.has(q.predicate.value));
  const local = (iri: string) => iri.slice(ICAT_ONTOLOGY.length);
  const show = (term: Term): string => {
    if (term.termType === 'Literal') return escapeHtml(term.value);
    const iri = term.value;
    if (iri.startsWith(ICAT_ONTOLOGY)) return `<a href="#${escapeHtml(local(iri))}">icat:${escapeHtml(local(iri))}</a>`;
    const prefix = Object.entries(NS).find(([, ns]) => iri.startsWith(ns) && iri.length > ns.length);
    const text = prefix ? `${prefix[0]}:${iri.slice(prefix[1].length)}` : iri;
    return `<a href="${escapeHtml(iri)}">${escapeHtml(text)}</a>`;
  };
  const entry = (iri: string) => {
    const statements = about(iri).sort(
      (a, b) =>
        rank(a.predicate.value) - rank(b.predicate.value) ||
        compareStrings(a.predicate.value, b.predicate.value) ||
        compareStrings(a.object.value, b.object.value),
    );
    const rows = statements.map((q) => `<tr><th>${show(q.predicate)}</th><td>${show(q.object)}</td></tr>`).join('\n');
    return `<section id="${escapeHtml(local(iri))}">
<h3>icat:${escapeHtml(local(iri))}</h3>
<p><code>${escapeHtml(iri)}</code></p>
<table>
${rows}
</table>
</section>`;
  };
  const terms = ontologyTerms(quads);
  const sections = KINDS.filter(({ type }) => (terms.get(type) ?? []).length > 0)
    .map(
      ({ type, heading }) =>
        `<h2>${heading} (${terms.get(type)!.length})</h2>\n${terms.get(type)!.map(entry).join('\n')}`,
    )
    .join('\n');
  const contents = KINDS.flatMap(({ type }) => terms.get(type) ?? [])
    .map((iri) => `<a href="#${escapeHtml(local(iri))}">${escapeHtml(local(iri))}</a>`)
    .join(' · ');
  const formats = ['text/turtle', 'application/ld+json', 'application/rdf+xml', 'application/n-triples']
    .map((f) => `<a href="?format=${encodeURIComponent(f)}">${escapeHtml(f)}</a>`)
    .join(' · ');
  return layout(
    'The ICAT ontology',
    `<h1>The ICAT ontology</h1>
<p>Namespace <code>${escapeHtml(ICAT_ONTOLOGY)}</code> (prefix <code>icat:</code>), the same in every deployment. Also as ${formats}.</p>
<p>${contents}</p>
${sections}`,
  );
}

function rank(predicate: string): number {
  const i = LEADING.indexOf(predicate);
  return i === -1 ? LEADING.length : i;
}
