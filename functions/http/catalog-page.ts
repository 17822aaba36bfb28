import type { Quad } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { FILES_STYLE, formatSize } from './html-format.js';
import { escapeHtml, layout } from './pages.js';

const SPDX = 'http://spdx.org/rdf/terms#';
const IANA = 'http://www.iana.org/assignments/media-types/';
const LABELS = [`${NS.skos}prefLabel`, `${NS.dct}title`, `${NS.foaf}name`, `${NS.vcard}fn`, `${NS.rdfs}label`];

/** Lookups over the catalog's triples. */
class Statements {
  constructor(private readonly quads: readonly Quad[]) {}
  all(subject: string, predicate: string): string[] {
    return this.quads
      .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
      .map((q) => q.object.value);
  }
  one(subject: string, predicate: string): string | undefined {
    return this.all(subject, predicate)[0];
  }
  subjectsOf(type: string): string[] {
    return this.quads
      .filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === type)
      .map((q) => q.subject.value)
      .sort();
  }
  label(iri: string): string {
    return LABELS.map((p) => this.one(iri, p)).find((v) => v !== undefined) ?? iri;
  }
}

/**
 * The catalog for people: the dataset, its dates, publisher, contact, licence and rights, its source,
 * every distribution with format, size, SHA-256 and download link, and the SPARQL service.
 * `localPath` turns an IRI this server answers (`{base}...`) into a path on it.
 */
export function catalogPage(quads: readonly Quad[], localPath: (iri: string) => string): string {
  const s = new Statements(quads);
  const link = (iri: string, text = s.label(iri)) => `<a href="${escapeHtml(localPath(iri))}">${escapeHtml(text)}</a>`;
  const dataset = s.subjectsOf(`${NS.dcat}Dataset`)[0];
  if (!dataset) throw new Error('the catalog describes no dcat:Dataset');
  const row = (name: string, value: string | undefined) =>
    value ? `<tr><th>${escapeHtml(name)}</th><td>${value}</td></tr>` : '';
  const text = (value: string | undefined) => (value === undefined ? undefined : escapeHtml(value));
  const links = (iris: readonly string[]) => (iris.length ? iris.map((i) => link(i)).join('<br>') : undefined);

  const publisher = s.one(dataset, `${NS.dct}publisher`);
  const contact = s.one(dataset, `${NS.dcat}contactPoint`);
  const contactDetails = contact
    ? [
        escapeHtml(s.label(contact)),
        ...s.all(contact, `${NS.vcard}hasEmail`).map((m) => link(m, m.replace(/^mailto:/, ''))),
        ...s.all(contact, `${NS.vcard}hasURL`).map((u) => link(u, u)),
      ].join('<br>')
    : undefined;
  const source = s.one(dataset, `${NS.prov}wasDerivedFrom`);
  const temporal = s.one(dataset, `${NS.dct}temporal`);
  const distributions = s.all(dataset, `${NS.dcat}distribution`).sort();
  const licences = [...new Set(distributions.flatMap((d) => s.all(d, `${NS.dct}license`)))];

  const about = [
    row('Description', text(s.one(dataset, `${NS.dct}description`))),
    row(
      'Version',
      text(s.one(dataset, `${NS.dcat}version`)) && `<code>${text(s.one(dataset, `${NS.dcat}version`))}</code>`,
    ),
    row('First issued', text(s.one(dataset, `${NS.dct}issued`))),
    row('Last modified', text(s.one(dataset, `${NS.dct}modified`))),
    // The publisher's own IRI is described only here, so the page links its homepage instead.
    row(
      'Publisher',
      publisher &&
        [escapeHtml(s.label(publisher)), ...s.all(publisher, `${NS.foaf}homepage`).map((u) => link(u, u))].join('<br>'),
    ),
    row('Contact point', contactDetails),
    row('Licence', licences.length ? links(licences) : 'none stated by this deployment'),
    row(
      'Rights',
      s
        .all(dataset, `${NS.dct}rights`)
        .map((r) => escapeHtml(s.label(r)))
        .join('<br>') || undefined,
    ),
    row(
      'Source',
      source &&
        `${link(source)} (${escapeHtml(s.one(source, `${NS.dct}issued`) ?? '')}, ${escapeHtml(s.label(s.one(source, `${NS.dct}publisher`) ?? ''))})`,
    ),
    row(
      'Time covered',
      temporal &&
        `${text(s.one(temporal, `${NS.dcat}startDate`))} to ${text(s.one(temporal, `${NS.dcat}endDate`))}: ${text(s.one(temporal, `${NS.rdfs}comment`))}`,
    ),
    row('Themes', links(s.all(dataset, `${NS.dcat}theme`).sort())),
    row('Keywords', text(s.all(dataset, `${NS.dcat}keyword`).join(', '))),
  ].join('\n');

  const files = distributions
    .filter((d) => s.one(d, `${NS.dcat}downloadURL`))
    .map((d) => {
      const url = s.one(d, `${NS.dcat}downloadURL`)!;
      const size = s.one(d, `${NS.dcat}byteSize`);
      const checksum = s.one(d, `${SPDX}checksum`);
      const format = s.one(d, `${NS.dct}format`);
      const mediaType = s.one(d, `${NS.dcat}mediaType`)?.replace(IANA, '');
      const gzip = s.one(d, `${NS.dcat}compressFormat`) ? ', gzip' : '';
      return `<tr><td>${link(url, url.slice(url.lastIndexOf('/') + 1))}<br><small>${escapeHtml(s.label(d))}</small></td>
<td>${format ? escapeHtml(s.label(format)) : ''}<br><code>${escapeHtml(mediaType ?? '')}</code>${gzip}</td>
<td>${size ? escapeHtml(formatSize(Number(size))) : ''}</td>
<td><code>${escapeHtml(checksum ? (s.one(checksum, `${SPDX}checksumValue`) ?? '') : '')}</code></td>
<td>${links(s.all(d, `${NS.dct}license`)) ?? ''}</td></tr>`;
    })
    .join('\n');

  const services = s
    .subjectsOf(`${NS.dcat}DataService`)
    .map((service) => {
      const endpoint = s.one(service, `${NS.dcat}endpointURL`);
      const standard = s.one(service, `${NS.dct}conformsTo`);
      const access = distributions.find((d) => s.one(d, `${NS.dcat}accessService`) === service);
      const licence = access && links(s.all(access, `${NS.dct}license`));
      return `<li>${escapeHtml(s.label(service))}: ${endpoint ? link(endpoint, endpoint) : ''}${standard ? ` (${link(standard)})` : ''}${licence ? `; licence ${licence}` : ''}</li>`;
    })
    .join('\n');

  const formats = [
    ['turtle', 'Turtle'],
    ['jsonld', 'JSON-LD'],
    ['rdfxml', 'RDF/XML'],
  ]
    .map(([format, name]) => `<a href="?format=${format}">${name}</a>`)
    .join(' · ');
  const catalog = s.subjectsOf(`${NS.dcat}Catalog`)[0];
  return layout(
    `${s.label(dataset)} — catalog`,
    `<h1>${escapeHtml(s.label(dataset))}</h1>
<p>${catalog ? escapeHtml(s.label(catalog)) : 'Catalog'} (DCAT-AP 3.0.1). This catalog as data: ${formats}
(or by content negotiation on <code>/catalog</code>).</p>
<table>
${about}
</table>
<h2>Downloads</h2>
<p>Every file of this version, immutable at its URL; see also the <a href="/dumps/">listing of the dump set</a>.</p>
<table class="files">
<tr><th>File</th><th>Format</th><th>Size</th><th>SHA-256</th><th>Licence</th></tr>
${files}
</table>
<h2>Query service</h2>
<ul>
${services}
</ul>`,
    FILES_STYLE,
  );
}
