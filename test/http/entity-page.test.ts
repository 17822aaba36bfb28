import { ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { describe, expect, it } from 'vitest';
import { exampleQueries } from '../../functions/http/examples.js';
import { localPage, serveToChromium } from './chromium.js';

const pages = serveToChromium();
const BASE = pages.base;
const UNODC = `${BASE}id/entity/unodc`;
const PREFIXES = `PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
`;

type Row = Record<string, { value: string } | undefined>;
async function select(query: string): Promise<Row[]> {
  const response = await fetch(`${pages.server.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: query,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { bindings: Row[] } }).results.bindings;
}

/** A resource of `type` that links to UNODC directly or through one of its fragment nodes, and its label. */
async function linkingTo(type: string): Promise<{ iri: string; label: string }> {
  const [row] = await select(`${PREFIXES}SELECT ?r ?label WHERE {
  ?r a <${ICAT_ONTOLOGY}${type}> .
  { ?r ?p <${UNODC}> } UNION { ?f ?q <${UNODC}> FILTER(STRSTARTS(STR(?f), CONCAT(STR(?r), "#"))) }
  OPTIONAL { ?r skos:prefLabel|dct:title ?label FILTER(LANG(?label) = "en" || LANG(?label) = "") }
  } ORDER BY ?r LIMIT 1`);
  expect(row, `a ${type} pointing at UNODC`).toBeDefined();
  // Without a label, the page names the resource by its IRI.
  return { iri: row!.r!.value, label: row!.label?.value ?? row!.r!.value };
}

describe('the entity page in Chromium', () => {
  it('shows labels, the links to the entity grouped by kind, a class link, a favicon and no errors', async () => {
    const [own] = await select(`${PREFIXES}SELECT ?l WHERE { <${UNODC}> skos:prefLabel ?l FILTER(LANG(?l) = "en") }`);
    const linked = await select(`${PREFIXES}SELECT DISTINCT ?o ?l WHERE {
  <${UNODC}> ?p ?o . ?o skos:prefLabel ?l FILTER(LANG(?l) = "en") } ORDER BY ?o LIMIT 4`);
    expect(linked.length).toBe(4);
    const agreement = await linkingTo('Agreement');
    const publication = await linkingTo('Publication');
    const { page, outside, errors } = await localPage(pages.browser, pages.server.url);
    const response = await page.goto(`${pages.server.url}/id/entity/unodc`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(own!.l!.value);
    for (const row of linked)
      expect(await page.locator(`table a[title="${row.o!.value}"]`).first().innerText()).toBe(row.l!.value);
    const agreementLink = page.locator(`section[data-kind="Agreements"] a[title="${agreement.iri}"]`).first();
    expect(await agreementLink.innerText()).toBe(agreement.label);
    expect(await agreementLink.getAttribute('href')).toBe(`/${agreement.iri.slice(BASE.length)}`);
    const publicationLink = page.locator(`section[data-kind="Publications"] a[title="${publication.iri}"]`).first();
    expect(await publicationLink.innerText()).toBe(publication.label);
    // icat: classes link to the ontology's documentation, never to an /id/ page that does not exist.
    const classLink = page.locator(`a[title="${ICAT_ONTOLOGY}Entity"]`);
    expect(await classLink.getAttribute('href')).toBe('/ontology#Entity');
    const ontology = await fetch(`${pages.server.url}/ontology`, { headers: { accept: 'text/html' } });
    expect(ontology.status).toBe(200);
    expect(await ontology.text()).toContain('<section id="Entity">');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicon.svg');
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const favicon = await page.request.get(`${pages.server.url}${path}`);
      expect(favicon.status()).toBe(200);
      expect(favicon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    }
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<
      string,
      unknown
    >;
    expect(jsonLd['@type']).toBe('Organization');
    expect(jsonLd.name).toBe(own!.l!.value);
    expect(jsonLd.memberOf).toEqual({
      '@type': 'Organization',
      name: 'Inter-Agency Coordination Group against Trafficking in Persons',
      alternateName: 'ICAT',
    });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('names linked resources in French when the browser asks for French', async (context) => {
    const [sdg] = await select(`${PREFIXES}SELECT ?o ?l WHERE {
  <${UNODC}> ?p ?o . ?o skos:prefLabel ?l FILTER(LANG(?l) = "fr") } ORDER BY ?o LIMIT 1`);
    // The graph served here may have no French label on anything UNODC links to: then there is nothing to show.
    if (!sdg) return context.skip();
    const french = await pages.browser.newContext({
      extraHTTPHeaders: { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.5' },
    });
    const page = await french.newPage();
    await page.goto(`${pages.server.url}/id/entity/unodc`);
    expect(await page.locator(`table a[title="${sdg!.o!.value}"]`).first().innerText()).toBe(sdg!.l!.value);
    await french.close();
  });
});

describe('the query UI', () => {
  it('shows a syntax error without an uncaught page error', async () => {
    const { page, errors } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/sparql#query=${encodeURIComponent('SELECT * WHERE { ?s ?p }')}`);
    const yasr = page.locator('.yasr');
    await expect.poll(async () => await yasr.innerText(), { timeout: 30_000 }).toMatch(/Parse error|syntax/i);
    await page.waitForTimeout(1000);
    // The browser itself logs the 400 response; any script error or unhandled rejection would be listed too.
    expect(errors.filter((e) => !/Failed to load resource: .* 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('answers "activities in a given country" with activities only', async () => {
    const example = exampleQueries(BASE).find((e) => e.id === 'activities-in-moldova')!;
    const rows = await select(example.query);
    expect(rows.length).toBeGreaterThan(0);
    const activities = [...new Set(rows.map((r) => r.activity!.value))];
    const typed = await select(`SELECT ?a WHERE { VALUES ?a { ${activities.map((a) => `<${a}>`).join(' ')} }
  ?a a <${ICAT_ONTOLOGY}Activity> }`);
    expect(typed.map((r) => r.a!.value).sort()).toEqual(activities.sort());
  });
});
