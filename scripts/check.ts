// `npm run check`: proves the content folder; `--help` and the README's "Checking" section list the flags.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECK_USAGE, EXIT, runCheckCommand } from '../src/cli/check-command.ts';
import { skipOptimizingCompiler } from '../src/core/compiler-tiers.ts';

// `--update` alone means `--update=changed`; parseArgs wants a value for string options.
const args = process.argv.slice(2).map((arg) => (arg === '--update' ? '--update=changed' : arg));
let values;
try {
  ({ values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'human' },
      'max-warnings': { type: 'string' },
      only: { type: 'string', multiple: true },
      fix: { type: 'boolean', default: false },
      external: { type: 'boolean', default: false },
      examples: { type: 'boolean', default: true },
      cache: { type: 'boolean', default: true },
      jobs: { type: 'string' },
      update: { type: 'string' },
      'write-baseline': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${CHECK_USAGE}`);
  process.exit(EXIT.usage);
}
skipOptimizingCompiler();
process.exitCode = await runCheckCommand(values, {
  cwd: process.cwd(),
  // The project this script belongs to, wherever it is run from: its pinned Node.js runs the examples.
  root: path.resolve(import.meta.dirname, '..'),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
