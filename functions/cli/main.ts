import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import type { BuildOptions } from './build-command.js';
import type { LoadOptions } from './load-command.js';
import { defaultDataDir, packageVersion } from './package-info.js';
import type { ServeOptions } from './serve-command.js';
import type { DumpsLocation } from './versions-command.js';

// Each command loads its modules when it runs: `serve` should not pay for the build's (jsonld, SHACL,
// charts) before its first answer, nor `validate` for the server's.
const commands = {
  build: () => import('./build-command.js'),
  load: () => import('./load-command.js'),
  serve: () => import('./serve-command.js'),
  validate: () => import('./validate-command.js'),
  versions: () => import('./versions-command.js'),
};

/** Builds the `icat-kg` program; each action stores its exit code rather than exiting, so tests can run it. */
export function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('icat-kg')
    .description('The ICAT Knowledge Graph: validate the source records, build the graph and its dumps, serve SPARQL.')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .version(packageVersion(), '-V, --version', 'print the version of icat-kg')
    .exitOverride();

  program
    .command('validate')
    .description('load and validate every record; print counts per record type and one line per problem')
    .argument('[dir]', 'the records folder (default: ./data, else the records shipped with icat-kg)')
    .action(async (dir: string | undefined) =>
      setExitCode((await commands.validate()).validateCommand(dir ?? defaultDataDir(), io)),
    );

  program
    .command('build')
    .description('validate the records, build the graph, check it with SHACL, and write the dumps, catalog and VoID')
    .requiredOption('--out <dir>', 'the folder to write the dump set to (replaced)')
    .option('--data <dir>', 'the records folder (default: ./data, else the records shipped with icat-kg)')
    .option('-q, --quiet', 'print no progress lines on stderr')
    .action(async (options: Omit<BuildOptions, 'data'> & { data?: string }) =>
      setExitCode(
        await (await commands.build()).buildCommand({ ...options, data: options.data ?? defaultDataDir() }, io),
      ),
    );

  program
    .command('serve')
    .description('serve the SPARQL endpoint, query UI, dereferenceable IRIs and dumps of a dump set or an N-Quads file')
    .option('--from <dir>', 'a dump set folder written by icat-kg build')
    .option('--quads <file>', 'any N-Quads file (without catalog or dumps)')
    .option('--store <url>', "a SPARQL store's query endpoint, filled by icat-kg load: queries are evaluated there")
    .option('--port <port>', 'the port to listen on', process.env.PORT ?? '8080')
    .option('--host <host>', 'the address to listen on', process.env.HOST ?? '127.0.0.1')
    .option(
      '--workers <n>',
      'query worker processes (each holds a copy of the graph)',
      process.env.QUERY_WORKERS ?? '2',
    )
    .option('--log', 'write an access log line per request to stdout (combined log format)')
    .action(async (options: ServeOptions) => setExitCode(await (await commands.serve()).serveCommand(options, io)));

  program
    .command('load')
    .description('make a SPARQL store hold exactly a dump set, over the SPARQL 1.1 Graph Store HTTP Protocol')
    .argument('<dir>', 'a dump set folder written by icat-kg build')
    .requiredOption('--into <url>', "the store's Graph Store Protocol URL (see README for each store's)")
    .option('--concurrency <n>', 'graphs sent at once', '4')
    .action(async (dir: string, options: LoadOptions) =>
      setExitCode(await (await commands.load()).loadCommand(dir, options, io)),
    );

  const location = (command: Command) =>
    command
      .option('--bucket <name>', 'the dumps bucket (S3)')
      .option('--endpoint <url>', 'an S3-compatible endpoint instead of AWS')
      .option('--dir <dir>', 'a folder holding dumps/ and latest.json instead of a bucket');
  location(
    program
      .command('versions')
      .description('list the dump sets, each checked against its manifest; * marks the one latest.json names')
      .option('--verify', "also check every file's SHA-256 (reads every byte)"),
  ).action(async (options: DumpsLocation & { verify?: boolean }) =>
    setExitCode(await (await commands.versions()).versionsCommand(options, io)),
  );
  location(
    program
      .command('rollback')
      .description('point latest.json at an earlier dump set, after checking every file against its manifest')
      .argument('<version>', 'a version listed by icat-kg versions'),
  ).action(async (version: string, options: DumpsLocation) =>
    setExitCode(await (await commands.versions()).rollbackCommand(version, options, io)),
  );

  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`icat-kg: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}
