// Preloaded (node --import) into a benchmarked process: prints its peak resident set size as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `peak RSS ${process.resourceUsage().maxRSS} kB\n`));
