import type { ExampleQuery } from './examples.js';

export function escapeHtml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON inside a <script> element: `<` escaped so no string can close the element. */
export function scriptJson(value: unknown): string {
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

/** The page frame every HTML page shares (header with the site's links, styles). */
export function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
${head}
</head>
<body>
<header><strong>ICAT Knowledge Graph</strong> &nbsp; <a href="/">Home</a><a href="/sparql">SPARQL</a><a href="/dashboard">Dashboard</a><a href="/catalog">Catalog</a><a href="/dumps/">Dumps</a></header>
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
<li><a href="/dashboard">Dashboard</a>: the mapping's charts, recomputed live from the graph (SDGs, forms of trafficking, expertise, activities by priority, region and country, the MoU network, initiatives, publications)</li>
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

/** The site icon (a small SVG: a blue tile with "ICAT"), served at /favicon.svg and /favicon.ico. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="5" fill="#0b4f8a"/><text x="16" y="21" font-family="sans-serif" font-size="10" font-weight="700" fill="#fff" text-anchor="middle">ICAT</text></svg>
`;
