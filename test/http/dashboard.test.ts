import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, chartNamespaces } from '../../functions/charts/chart-definitions.js';
import { packageRoot } from '../../functions/package-paths.js';
import { Iris } from '../../functions/rdf/iris.js';
import { localPage, serveToChromium } from './chromium.js';

const pages = serveToChromium();
const BASE = pages.base;
/** Screenshots for review (out/ is not committed). */
const SCREENSHOTS = join(packageRoot(), 'out', 'dashboard-screenshots');

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

type Binding = Record<string, { value: string }>;

/** The chart's own query, asked of the endpoint over HTTP: what its marks must show. */
async function expectedMarks(query: string, key: readonly string[], value: string): Promise<string[]> {
  const response = await fetch(`${pages.server.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: query,
  });
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as { results: { bindings: Binding[] } };
  return results.bindings.map((b) => `${key.map((k) => b[k]!.value).join(' ')} = ${b[value]!.value}`).sort();
}

describe('the dashboard in Chromium', () => {
  it('is linked from the home page', async () => {
    const html = await (await fetch(`${pages.server.url}/`)).text();
    expect(html).toContain('<a href="/dashboard">Dashboard</a>');
  });

  it('draws every chart from the live graph: each mark equals its query answer, with no error and no outside request', async () => {
    const { page, outside, errors } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/dashboard`);
    await page.waitForSelector('body[data-dashboard="ready"]', { timeout: 60_000 });
    const namespaces = chartNamespaces(new Iris(BASE));
    for (const chart of CHARTS) {
      const figure = page.locator(`#chart-${chart.id}`);
      expect(await figure.getAttribute('data-state'), chart.id).toBe('ready');
      const shown = await figure
        .locator('.chart [data-value]')
        .evaluateAll((marks) => marks.map((m) => `${m.getAttribute('data-key')} = ${m.getAttribute('data-value')}`));
      const expected = await expectedMarks(chart.query(namespaces), chart.marks.key, chart.marks.value);
      expect(expected.length, chart.id).toBeGreaterThan(0);
      expect(shown.sort(), chart.id).toEqual(expected);
      await figure.screenshot({ path: join(SCREENSHOTS, `${chart.id}.png`) });
    }
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks the frameworks reported by one side only as the graph says', async () => {
    const { page } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/dashboard`);
    await page.waitForSelector('body[data-dashboard="ready"]', { timeout: 60_000 });
    const shown = await page
      .locator('#chart-mou-network [data-unilateral]')
      .evaluateAll((lines) => lines.map((l) => `${l.getAttribute('data-key')} ${l.getAttribute('data-unilateral')}`));
    const chart = CHARTS.find((c) => c.id === 'mou-network')!;
    const response = await fetch(
      `${pages.server.url}/sparql?query=${encodeURIComponent(chart.query(chartNamespaces(new Iris(BASE))))}`,
      {
        headers: { accept: 'application/sparql-results+json' },
      },
    );
    const { results } = (await response.json()) as { results: { bindings: Binding[] } };
    const expected = results.bindings.map(
      (b) => `${b.agreement!.value} ${b.a!.value} ${b.b!.value} ${b.unilateral?.value === 'true'}`,
    );
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown.some((s) => s.endsWith(' true'))).toBe(true);
    await page.close();
  });

  it("opens a chart's query in the query UI and runs it", async () => {
    const { page, outside, errors } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/dashboard`);
    await page.click('#chart-activities-by-priority figcaption a:has-text("Open its SPARQL query")');
    await page.waitForURL(/\/sparql#query=/);
    const rows = page.locator('.yasr table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(6);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
