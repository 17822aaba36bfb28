import { describe, expect, it } from 'vitest';
import { localPage, serveToChromium } from './chromium.js';

const pages = serveToChromium();

describe('the query UI and the resource pages in Chromium', () => {
  it('runs a worked example and shows the result table', async () => {
    const { page, outside, errors } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/sparql`);
    await page.waitForSelector('.yasqe .CodeMirror');
    await page.click('button[data-example="no-field-presence"]');
    const table = page.locator('.yasr table');
    await table.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await table.innerText()).includes('Council of the Baltic Sea States'), { timeout: 30_000 })
      .toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(8);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an entity page and follows a link to another resource', async () => {
    const { page, outside, errors } = await localPage(pages.browser, pages.server.url);
    await page.goto(`${pages.server.url}/id/entity/unodc`);
    expect(await page.locator('h1').innerText()).toBe('United Nations Office on Drugs and Crime');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      '@type': string;
    };
    expect(jsonLd['@type']).toBe('Organization');
    await page.click(`a[href="/id/instrument/unga-res-55-25"]`);
    await page.waitForURL(`${pages.server.url}/id/instrument/unga-res-55-25`);
    expect(await page.locator('h1').innerText()).toMatch(/55\/25/);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
