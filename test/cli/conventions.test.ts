import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { packageRoot } from '../../functions/package-paths.js';
import { clfQuote, clfTime } from '../../functions/server/access-log.js';
import { startServerProcess } from '../http/server-process.js';

const work = mkdtempSync(join(tmpdir(), 'icat-kg-conventions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
  version: string;
  license: string;
};

describe('icat-kg --version', () => {
  it.each(['--version', '-V'])('%s prints the version of package.json and exits 0', async (flag) => {
    const { code, out, err } = await cli(flag);
    expect({ code, out, err }).toEqual({ code: 0, out: [manifest.version], err: [] });
  });

  it('names a licence that the LICENSE file carries', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(packageRoot(), 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });
});

describe('icat-kg build progress', () => {
  const data = join(packageRoot(), 'data');

  it('tells each stage on stderr as it starts, and keeps stdout for the summary', async () => {
    const out = join(work, 'progress');
    const result = await cli('build', '--out', out, '--data', data);
    expect(result.code).toBe(0);
    const stages = result.err.map((line) => /^\[\d+\.\d s\] (.*)…$/.exec(line)?.[1]);
    const fileCount = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: unknown[] }).files
      .length;
    expect(stages).toEqual([
      expect.stringMatching(new RegExp(`^read \\d+ record files from ${data}$`)),
      'validating the records',
      'converting them to RDF',
      'checking the graph with SHACL',
      'serializing the dump set',
      // The manifest lists every file but itself.
      `writing ${fileCount + 1} files to ${out}`,
    ]);
    expect(result.out[0]).toMatch(/^Built dump set [0-9a-f]+ in /);
  });

  it('prints no progress with --quiet', async () => {
    const result = await cli('build', '--quiet', '--out', join(work, 'quiet'), '--data', data);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
  });
});

describe('icat-kg serve --log', () => {
  const quads = join(work, 'tiny.nq');
  writeFileSync(quads, '<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .\n');

  it('writes one Combined Log Format line per request, with status, bytes and time', async () => {
    const server = await startServerProcess(['--quads', quads, '--log']);
    try {
      const ask = await fetch(`${server.url}/sparql?query=ASK%7B%7D`, {
        headers: { 'user-agent': 'probe "quoted"', referer: `${server.url}/` },
      });
      const body = await ask.text();
      const missing = await fetch(`${server.url}/no/such/page`);
      await missing.text();
      await expect
        .poll(
          () =>
            server
              .output()
              .split('\n')
              .filter((l) => l.startsWith('127.0.0.1 ')).length,
        )
        .toBe(2);
      const [askLine, missingLine] = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('127.0.0.1 '));
      expect(askLine).toMatch(
        new RegExp(
          String.raw`^127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] ` +
            String.raw`"GET /sparql\?query=ASK%7B%7D HTTP/1\.1" 200 ${Buffer.byteLength(body)} ` +
            String.raw`"${server.url.replace(/\./g, '\\.')}/" "probe \\"quoted\\"" \d+ms$`,
        ),
      );
      expect(missingLine).toMatch(/"GET \/no\/such\/page HTTP\/1\.1" 404 /);
    } finally {
      await server.stop();
    }
  });

  it('logs nothing without --log', async () => {
    const server = await startServerProcess(['--quads', quads]);
    try {
      await (await fetch(`${server.url}/sparql?query=ASK%7B%7D`)).text();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(
        server
          .output()
          .split('\n')
          .filter((l) => l.startsWith('127.0.0.1 ')),
      ).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('access log fields', () => {
  it('formats the time as the Common Log Format does, in UTC', () => {
    expect(clfTime(new Date(Date.UTC(2026, 10, 8, 9, 5, 3)))).toBe('[08/Nov/2026:09:05:03 +0000]');
  });

  it.each([
    [undefined, '"-"'],
    ['', '"-"'],
    ['curl/8.5', '"curl/8.5"'],
    ['a "b" \\c', String.raw`"a \"b\" \\c"`],
    ['line\nbreak\x1b[31m', String.raw`"line\x0abreak\x1b[31m"`],
  ])('quotes %j as %s, so no request can forge a log line', (value, quoted) => {
    expect(clfQuote(value)).toBe(quoted);
  });
});
