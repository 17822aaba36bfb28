/**
 * The query page's own script, served as /ui/query-page.js so the page needs no inline script (its
 * Content-Security-Policy allows scripts from this host only). It reads the endpoint and the worked
 * examples from the page's JSON data block.
 */
export const QUERY_PAGE_SCRIPT = `'use strict';
const { endpoint, examples } = JSON.parse(document.getElementById('query-page').textContent);
const yasgui = new Yasgui(document.getElementById('yasgui'), {
  requestConfig: { endpoint, method: 'POST' },
  copyEndpointOnNewTab: false,
  persistenceId: null,
});
const first = examples[0];
if (first) yasgui.getTab().setQuery(first.query);
for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => {
    const example = examples.find((e) => e.id === button.dataset.example);
    const tab = yasgui.getTab();
    tab.setQuery(example.query);
    tab.query();
  });
}
`;
