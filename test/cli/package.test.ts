import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'icat-kg-pack-'));
const prefix = join(work, 'global');
const bin = join(prefix, 'bin', 'icat-kg');
const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };

/**
 * The package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a prefix of its own,
 * then the installed command run from a folder that is not the checkout.
 */
describe('npm pack and a global install', () => {
  let tarball = '';
  beforeAll(async () => {
    await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: packageRoot() });
    tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    // Dependencies come from npm's cache when it has them (the CI's `npm ci` filled it).
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      {
        cwd: work,
      },
    );
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names the tarball after the package and its version', () => {
    expect(tarball).toBe(join(work, `icat-kg-${manifest.version}.tgz`));
  });

  it('installs an icat-kg command that prints its version', async () => {
    const { stdout } = await run(bin, ['--version'], { cwd: work });
    expect(stdout).toBe(`${manifest.version}\n`);
  });

  it('validates the records it ships, from any folder', async () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const validate = await run(bin, ['validate'], { cwd: elsewhere });
    expect(validate.stdout).toContain(`Records in ${join(prefix, 'lib', 'node_modules', 'icat-kg', 'data')}:`);
    expect(validate.stdout).toContain('All records are valid.');
  }, 120_000);

  it('ships the licence and none of the development files', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toContain('package/LICENSE');
    expect(files).toContain('package/bin/icat-kg.js');
    expect(files).toContain('package/dist/functions/cli/main.js');
    // The dashboard's browser bundle, served by `icat-kg serve`.
    expect(files).toContain('package/dist/ui/dashboard.js');
    expect(files.filter((f) => /^package\/(test|bench|cdk|functions)\//.test(f))).toEqual([]);
  });
});
