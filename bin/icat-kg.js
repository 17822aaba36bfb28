#!/usr/bin/env node
// The CLI runs from the compiled output (`npm ci` builds it through the `prepare` script).
import { runCli } from '../dist/functions/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
