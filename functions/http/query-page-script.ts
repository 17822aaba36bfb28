/**
 * The query page's own script, served as /ui/query-page.js so the page needs no inline script (its
 * Content-Security-Policy allows scripts from this host only). It reads the endpoint and the worked
 * examples from the page's JSON data block.
 */
export const QUERY_PAGE_SCRIPT = `'use strict';
// YASR shows a failed query's message; the promise query() returns rejects too, and unhandled it
// would surface as an uncaught page error.
const runQuery = (tab) => Promise.resolve(tab.query()).catch(() => {});
const { endpoint, examples } = JSON.parse(document.getElementById('query-page').textContent);
const yasgui = new Yasgui(document.getElementById('yasgui'), {
  requestConfig: { endpoint, method: 'POST' },
  copyEndpointOnNewTab: false,
  persistenceId: null,
});
// A link can carry a query in the fragment (/sparql#query=...): the dashboard links its charts' queries so.
const linked = new URLSearchParams(location.hash.slice(1)).get('query');
const first = examples[0];
if (linked) {
  yasgui.getTab().setQuery(linked);
  runQuery(yasgui.getTab());
} else if (first) yasgui.getTab().setQuery(first.query);
for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => {
    const example = examples.find((e) => e.id === button.dataset.example);
    const tab = yasgui.getTab();
    tab.setQuery(example.query);
    runQuery(tab);
  });
}
`;
