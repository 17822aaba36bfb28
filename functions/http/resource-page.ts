import type { Quad, Term } from '@rdfjs/types';
import { ICAT_ONTOLOGY, NS } from '../rdf/namespaces.js';
import { chooseLabel } from './choose-label.js';
import type { Label, PageData } from './page-data.js';
import { escapeHtml, layout, scriptJson } from './pages.js';
import { schemaOrg } from './schema-org.js';

const LABELS = [`${NS.skos}prefLabel`, `${NS.dct}title`, `${NS.rdfs}label`];

/** The IRIs a resource page names (objects, types): their labels are read with the page data. */
export function shownIris(iri: string, quads: readonly Quad[]): string[] {
  return [iri, ...quads.filter((q) => q.object.termType === 'NamedNode').map((q) => q.object.value)];
}

/** Groups for the links that point at a resource, by the type of the resource that holds them. */
const KINDS: readonly { readonly title: string; readonly classes: readonly string[] }[] = [
  { title: 'Agreements', classes: ['Agreement'] },
  { title: 'Roles in initiatives, activities and partnerships', classes: ['Initiative', 'Activity', 'Partnership'] },
  { title: 'Publications', classes: ['Publication'] },
];

export interface PageContext {
  readonly base: string;
  readonly languages: readonly string[];
  readonly localPath: (iri: string) => string | undefined;
}

/** A readable page for a resource: its triples and the links to it, labelled, with schema.org JSON-LD. */
export function resourcePage(iri: string, quads: readonly Quad[], data: PageData, context: PageContext): string {
  const { base, languages } = context;
  const about = quads.filter((q) => q.subject.value === iri);
  const ownLabels: Label[] = about
    .filter((q) => LABELS.includes(q.predicate.value) && q.object.termType === 'Literal')
    .map((q) => ({ value: q.object.value, language: q.object.termType === 'Literal' ? q.object.language : '' }));
  const label = chooseLabel(ownLabels, languages) ?? iri;
  const labelOf = (target: string) => chooseLabel(data.labels.get(target), languages) ?? shorten(target, base);
  const hrefOf = (target: string) => {
    const local = context.localPath(target);
    if (local) return local;
    if (target.startsWith(ICAT_ONTOLOGY)) return `/ontology#${target.slice(ICAT_ONTOLOGY.length)}`;
    return target;
  };
  const anchor = (target: string) =>
    `<a href="${escapeHtml(hrefOf(target))}" title="${escapeHtml(target)}">${escapeHtml(labelOf(target))}</a>`;
  const cell = (term: Term) => {
    if (term.termType === 'NamedNode') return anchor(term.value);
    const lang = term.termType === 'Literal' && term.language ? ` <small>@${escapeHtml(term.language)}</small>` : '';
    return `${escapeHtml(term.value)}${lang}`;
  };
  const rows = new Map<string, Term[]>();
  for (const q of about) rows.set(q.predicate.value, [...(rows.get(q.predicate.value) ?? []), q.object]);
  const table = [...rows]
    .map(
      ([p, objects]) =>
        `<tr><th title="${escapeHtml(p)}">${escapeHtml(shorten(p, base))}</th><td>${objects.map(cell).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const formats = ['text/turtle', 'application/ld+json', 'application/n-triples']
    .map((f) => `<a href="?format=${encodeURIComponent(f)}">${escapeHtml(f)}</a>`)
    .join(' · ');
  return layout(
    label,
    `<h1>${escapeHtml(label)}</h1>
<p><code>${escapeHtml(iri)}</code></p>
<p>Also as ${formats} (or by content negotiation on this URL).</p>
<table>
${table}
</table>
${inboundSections(data, base, anchor)}`,
    `<script type="application/ld+json">${scriptJson(schemaOrg(iri, about, label, labelOf))}</script>`,
  );
}

/** The links that point at the resource, grouped by kind of resource, then by predicate. */
function inboundSections(data: PageData, base: string, anchor: (target: string) => string): string {
  if (data.inbound.length === 0) return '';
  const kindOf = (owner: string) => {
    const types = data.types.get(owner) ?? [];
    const kind = KINDS.find((k) => k.classes.some((c) => types.some((t) => t.endsWith(`#${c}`))));
    return kind?.title ?? 'Other resources';
  };
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const link of data.inbound) {
    const kind = kindOf(link.owner);
    const byPredicate = groups.get(kind) ?? new Map<string, Set<string>>();
    byPredicate.set(link.predicate, (byPredicate.get(link.predicate) ?? new Set()).add(link.owner));
    groups.set(kind, byPredicate);
  }
  const order = [...KINDS.map((k) => k.title), 'Other resources'].filter((k) => groups.has(k));
  const sections = order.map((kind) => {
    const rows = [...groups.get(kind)!]
      .map(
        ([p, owners]) =>
          `<tr><th title="${escapeHtml(p)}">${escapeHtml(shorten(p, base))}</th><td>${[...owners].sort().map(anchor).join('<br>')}</td></tr>`,
      )
      .join('\n');
    return `<section class="inbound" data-kind="${escapeHtml(kind)}"><h3>${escapeHtml(kind)}</h3>\n<table>\n${rows}\n</table></section>`;
  });
  return `<h2>Linked from</h2>\n${sections.join('\n')}`;
}

export function shorten(iri: string, _base: string): string {
  if (iri.startsWith(ICAT_ONTOLOGY) && iri.length > ICAT_ONTOLOGY.length)
    return `icat:${iri.slice(ICAT_ONTOLOGY.length)}`;
  for (const [prefix, ns] of Object.entries(NS))
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
}
