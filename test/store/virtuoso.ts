import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import { DEFAULT_BASE_IRI } from '../../functions/rdf/namespaces.js';
import { GraphStoreClient } from '../../functions/store/graph-store-client.js';
import { loadDumpSet, storeLayout } from '../../functions/store/load-dump-set.js';
import { startServerProcess, type ServerProcess } from '../http/server-process.js';

const VIRTUOSO = '/usr/bin/virtuoso-t';
const ISQL = '/usr/bin/isql-vt';
const run = promisify(execFile);

export interface Virtuoso {
  /** The SPARQL 1.1 Protocol endpoint. */
  readonly sparql: string;
  /** The SPARQL 1.1 Graph Store HTTP Protocol endpoint. */
  readonly graphStore: string;
  /** The database folder: Virtuoso's bulk loader may read files put here (DirsAllowed). */
  readonly dir: string;
  /** Runs SQL (and `SPARQL ...` statements) through isql as dba; resolves with isql's output. */
  sql(statement: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Virtuoso Open Source (Debian's virtuoso-opensource-7-bin) in a fresh database folder, listening
 * on loopback only, with anonymous SPARQL update and Graph Store access granted (a test store, never a
 * deployment's settings).
 */
export async function startVirtuoso(): Promise<Virtuoso> {
  if (!existsSync(VIRTUOSO))
    throw new Error(`${VIRTUOSO} is missing: install virtuoso-opensource-7-bin (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'icat-kg-virtuoso-'));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  writeFileSync(
    join(dir, 'virtuoso.ini'),
    `[Database]
DatabaseFile = ${dir}/virtuoso.db
ErrorLogFile = ${dir}/virtuoso.log
LockFile = ${dir}/virtuoso.lck
TransactionFile = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., ${dir}
CheckpointInterval = 60
ServerThreads = 10
; The endpoint asks for one row more than MAX_RESULT_ROWS (10000) to know when it cuts: allow it to sort them.
MaxSortedTopRows = 100000

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${dir}
MaxClientConnections = 10
ServerThreads = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
`,
  );
  const child: ChildProcess = spawn(VIRTUOSO, ['+configfile', join(dir, 'virtuoso.ini'), '+foreground'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // In the foreground Virtuoso writes its log to stdout.
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = () => output;
  const deadline = Date.now() + 120_000;
  while (!/Server online at/.test(log())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Virtuoso did not start:\n${log().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const sql = async (statement: string) =>
    (await run(ISQL, [`127.0.0.1:${sqlPort}`, 'dba', 'dba', `exec=${statement}`], { maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  await sql(`GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);`);
  const base = `http://127.0.0.1:${httpPort}`;
  return {
    sparql: `${base}/sparql`,
    graphStore: `${base}/sparql-graph-crud`,
    dir,
    sql,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads a dump set folder into a store with the real `icat-kg load` (built code) in its own process, with
 * `env` added to the environment (e.g. the BASE_IRI the dump set was built with); resolves with its output.
 */
export async function loadWithCli(dir: string, graphStore: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(packageRoot(), 'bin', 'icat-kg.js'), 'load', dir, '--into', graphStore],
    { env: { ...process.env, ...env } },
  );
  return stdout;
}

/**
 * The two modes every endpoint suite runs in, for `describe.each`: the server evaluating in memory, and
 * `icat-kg serve --store` over a real Virtuoso. Each row: the mode's name, the server (started by the
 * suite's beforeAll, hence a function), and whether it is the store.
 */
export function bothModes<Server>(memory: () => Server, store: () => Server) {
  return [
    ['in memory', memory, false],
    ['over a real Virtuoso (serve --store)', store, true],
  ] as const;
}

/**
 * For the calling test file: before its tests, one N-Quads text (made by `nquads`) served in both modes,
 * `icat-kg serve --quads` in memory and `serve --store` over a real Virtuoso it is loaded into (as
 * version `version`); all stopped after. The servers are there once the file's beforeAll hooks have run.
 */
export function serveQuadsInBothModes(
  version: string,
  nquads: () => string,
): { readonly memory: ServerProcess; readonly store: ServerProcess } {
  const servers = {} as { memory: ServerProcess; store: ServerProcess };
  const work = mkdtempSync(join(tmpdir(), 'icat-kg-both-modes-'));
  let virtuoso: Virtuoso | undefined;
  beforeAll(async () => {
    const text = nquads();
    const path = join(work, `${version}.nq`);
    writeFileSync(path, text);
    servers.memory = await startServerProcess(['--quads', path]);
    virtuoso = await startVirtuoso();
    await loadDumpSet(text, version, new GraphStoreClient(virtuoso.graphStore), storeLayout(DEFAULT_BASE_IRI));
    servers.store = await startServerProcess(['--store', virtuoso.sparql]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([servers.memory?.stop(), servers.store?.stop()]);
    await virtuoso?.stop();
    rmSync(work, { recursive: true, force: true });
  });
  return servers;
}
