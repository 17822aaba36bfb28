import type { Quad, Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import type { ExampleQuery } from './examples.js';

export function escapeHtml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON inside a <script> element: `<` escaped so no string can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2733; line-height: 1.45; }
header { background: #0b4f8a; color: #fff; padding: 0.8rem 1.5rem; }
header a { color: #fff; margin-right: 1.2rem; }
main { padding: 1rem 1.5rem; max-width: 75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #dde3ea; padding: 0.35rem 0.5rem; }
th { width: 16rem; color: #46596c; font-weight: 600; }
code { background: #f1f4f7; padding: 0 0.2rem; }
.examples { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0 1rem; }
.examples button { border: 1px solid #0b4f8a; background: #fff; color: #0b4f8a; border-radius: 3px; padding: 0.3rem 0.6rem; cursor: pointer; }
`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<header><strong>ICAT Knowledge Graph</strong> &nbsp; <a href="/">Home</a><a href="/sparql">SPARQL</a><a href="/catalog">Catalog</a><a href="/dumps/">Dumps</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The home page: what the service is and where everything lives. */
export function homePage(version: string, entities: readonly { slug: string; name: string }[]): string {
  const list = entities
    .map((e) => `<li><a href="/id/entity/${escapeHtml(e.slug)}">${escapeHtml(e.name)}</a></li>`)
    .join('\n');
  return layout(
    'ICAT Knowledge Graph',
    `<h1>ICAT Knowledge Graph</h1>
<p>The 2021 mapping of the Inter-Agency Coordination Group against Trafficking in Persons (ICAT) as linked open data:
the mandates, expertise, SDG targets, MoUs, partnerships, multi-stakeholder initiatives, programmes by country and
publications of its 29 entities, linked to the UN SDG vocabulary and M49 country codes. Dump set version <code>${escapeHtml(version)}</code>.</p>
<ul>
<li><a href="/sparql">SPARQL endpoint and query editor</a> (SPARQL 1.1 Protocol at <code>/sparql</code>)</li>
<li><a href="/catalog">DCAT catalog</a> and <a href="/.well-known/void">VoID description</a></li>
<li><a href="/dumps/">Dumps</a>: N-Quads, TriG, Turtle and JSON-LD, with the JSON-LD <a href="/context.jsonld">context</a></li>
</ul>
<h2>The ICAT entities</h2>
<ul>
${list}
</ul>`,
  );
}

/** The query UI: YASGUI served from this host (no CDN), with the worked examples. */
export function queryPage(endpoint: string, examples: readonly ExampleQuery[]): string {
  const buttons = examples
    .map((e) => `<button type="button" data-example="${escapeHtml(e.id)}">${escapeHtml(e.title)}</button>`)
    .join('\n');
  return layout(
    'ICAT Knowledge Graph — SPARQL',
    `<h1>SPARQL query</h1>
<p>Endpoint: <code>${escapeHtml(endpoint)}</code>. Pick an example or write a query; results are limited in rows, bytes and time (see the response headers).</p>
<div class="examples">${buttons}</div>
<div id="yasgui"></div>
<script type="application/json" id="query-page">${scriptJson({ endpoint, examples })}</script>
<script src="/ui/yasgui.min.js"></script>
<script src="/ui/query-page.js"></script>`,
    '<link rel="stylesheet" href="/ui/yasgui.min.css">',
  );
}

const LABELS = [`${NS.skos}prefLabel`, `${NS.dct}title`, `${NS.rdfs}label`];

/** A readable page for a resource, with its schema.org description embedded as JSON-LD. */
export function resourcePage(
  iri: string,
  quads: readonly Quad[],
  base: string,
  localPath: (iri: string) => string | undefined,
): string {
  const about = quads.filter((q) => q.subject.value === iri);
  const label = LABELS.map((p) => about.find((q) => q.predicate.value === p)?.object.value).find((v) => v) ?? iri;
  const rows = new Map<string, Term[]>();
  for (const q of about) rows.set(q.predicate.value, [...(rows.get(q.predicate.value) ?? []), q.object]);
  const link = (term: Term) => {
    if (term.termType !== 'NamedNode') {
      const lang = term.termType === 'Literal' && term.language ? ` <small>@${escapeHtml(term.language)}</small>` : '';
      return `${escapeHtml(term.value)}${lang}`;
    }
    const href = localPath(term.value) ?? term.value;
    return `<a href="${escapeHtml(href)}">${escapeHtml(shorten(term.value, base))}</a>`;
  };
  const table = [...rows]
    .map(
      ([p, objects]) =>
        `<tr><th title="${escapeHtml(p)}">${escapeHtml(shorten(p, base))}</th><td>${objects.map(link).join('<br>')}</td></tr>`,
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
</table>`,
    `<script type="application/ld+json">${scriptJson(schemaOrg(iri, about, label))}</script>`,
  );
}

/** A schema.org view of the resource for search engines and generic clients. */
function schemaOrg(iri: string, about: readonly Quad[], label: string): Record<string, unknown> {
  const types = about.filter((q) => q.predicate.value === `${NS.rdf}type`).map((q) => q.object.value);
  const has = (local: string) => types.some((t) => t.endsWith(`#${local}`) || t.endsWith(`/${local}`));
  const type =
    has('Entity') || has('FormalOrganization')
      ? 'Organization'
      : has('Publication')
        ? 'CreativeWork'
        : has('LegalInstrument')
          ? 'Legislation'
          : has('Activity') || has('Initiative')
            ? 'Project'
            : 'Thing';
  const value = (p: string) => about.find((q) => q.predicate.value === p)?.object.value;
  const doc: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type, '@id': iri, name: label };
  const description = value(`${NS.schema}description`);
  if (description) doc.description = description;
  const url = value(`${NS.foaf}homepage`) ?? value(`${NS.schema}url`);
  if (url) doc.url = url;
  const alternates = about.filter((q) => q.predicate.value === `${NS.skos}altLabel`).map((q) => q.object.value);
  if (alternates.length > 0) doc.alternateName = alternates;
  return doc;
}

function shorten(iri: string, base: string): string {
  if (iri.startsWith(`${base}ontology#`)) return `icat:${iri.slice(base.length + 'ontology#'.length)}`;
  for (const [prefix, ns] of Object.entries(NS))
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
}
