import { existsSync, rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing of its own reaching the network. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Requests to any other host: blocked, and recorded here. */
  readonly outside: string[];
  /** Console errors (Content-Security-Policy violations among them) and uncaught page errors. */
  readonly errors: string[];
}

/** A page that may only talk to `origin`, with its errors collected. */
export async function localPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { page, outside, errors };
}

export interface ServedToChromium {
  /** The BASE_IRI of the dump set, which is also the server's own URL. */
  readonly base: string;
  readonly server: ServerProcess;
  readonly browser: Browser;
}

/**
 * For the calling test file: before its tests, the real dump set built with the server's own URL as its
 * BASE_IRI (so that the links of the pages resolve on it), the real server over it and Chromium; both
 * stopped after. `server` and `browser` are there once the file's beforeAll hooks have run.
 */
export function serveToChromium(): ServedToChromium {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const served = { base: `http://127.0.0.1:${port}/` } as { base: string; server: ServerProcess; browser: Browser };
  let dumps = '';
  beforeAll(async () => {
    dumps = (await buildRealDumpSet({ baseIri: served.base })).dir;
    served.server = await startServerProcess(['--from', dumps], { BASE_IRI: served.base }, port);
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.stop();
    if (dumps) rmSync(dumps, { recursive: true, force: true });
  });
  return served;
}
