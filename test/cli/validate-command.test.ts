import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { packageRoot } from '../../functions/package-paths.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'icat-kg-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A copy of the real records with one file changed. */
function corruptedCopy(name: string, file: string, change: (text: string) => string): string {
  const dir = join(work, name, 'data');
  cpSync(join(packageRoot(), 'data'), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return dir;
}

describe('icat-kg validate', () => {
  it('prints the counts per record type and exits 0 on the real records', async () => {
    const { code, out, err } = await cli('validate', join(packageRoot(), 'data'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe(`Records in ${join(packageRoot(), 'data')}:`);
    expect(out.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'Records',
      'sources',
      'vocabularies',
      'entities',
      'organizations',
      'instruments',
      'interventions',
      'findings',
      'activities',
      'mou-table',
      'partnerships',
      'initiatives',
      'publications',
      'total',
      'All',
    ]);
  });

  it('exits 1 and names the file, record and field of one corrupted record', async () => {
    const dir = corruptedCopy('bad-url', 'entities/unodc.yaml', (t) =>
      t.replace(/^homepage: .*$/m, 'homepage: not a url'),
    );
    const { code, err } = await cli('validate', dir);
    expect(code).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(
      new RegExp(
        `^${dir}/entities/unodc\\.yaml:\\d+: record "unodc": homepage: got "not a url", expected an absolute http\\(s\\) URL$`,
      ),
    );
    expect(err[1]).toBe('1 problem; 1 record rejected.');
  });

  it('refuses a publication link that no percent-encoding makes an IRI, naming file, line, record and field', async () => {
    const file = 'publications/unodc-toolkit-to-combat-trafficking-in-persons-global-programme-2008.yaml';
    const dir = corruptedCopy('bad-iri', file, (t) =>
      t.replace('https://www.unodc.org/documents/', 'https://www.unodc.org\\documents/'),
    );
    const { code, err } = await cli('validate', dir);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${dir}/${file}:11: record "unodc-toolkit-to-combat-trafficking-in-persons-global-programme-2008": links[0].url: got "https://www.unodc.org\\\\documents/human-trafficking/Toolkit-files/07-89375_Ebook[1].pdf": its host part "www.unodc.org\\\\documents" is not a host name with an optional port (expected an http(s) URL that percent-encoding turns into an IRI, RFC 3987)`,
      '1 problem; 1 record rejected.',
    ]);
  });

  it('reports a missing required field without repeating it for the records that cite the entity', async () => {
    const dir = corruptedCopy('missing-name', 'entities/ilo.yaml', (t) => t.replace(/^name: .*$/m, ''));
    const { code, err } = await cli('validate', dir);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${dir}/entities/ilo.yaml:1: record "ilo": name: missing required field (expected the verbatim text of the source)`,
      '1 problem; 1 record rejected.',
    ]);
  });

  it('is the installed bin: a real process with a real exit code', async () => {
    const dir = corruptedCopy('bin', 'entities/iom.yaml', (t) => `${t}\nhasFieldPresence: maybe\n`);
    const bin = join(packageRoot(), 'bin', 'icat-kg.js');
    const failure = await run('node', [bin, 'validate', dir]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain(`${dir}/entities/iom.yaml`);
    const ok = await run('node', [bin, 'validate', join(packageRoot(), 'data')]);
    expect(ok.stdout).toContain('All records are valid.');
  });

  it('answers an unknown command with a usage error', async () => {
    const { code, err } = await cli('valdate');
    expect(code).toBe(1);
    expect(err.join('\n')).toContain("unknown command 'valdate'");
  });
});
