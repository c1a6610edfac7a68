// `npm run check`: proves the content folder; see the README's "Checking" section for flags and exit codes.
import { parseArgs } from 'node:util';
import { runCheckCommand } from '../src/cli/check-command.ts';

let values;
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string', default: 'human' },
      'max-warnings': { type: 'string' },
      only: { type: 'string', multiple: true },
      fix: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nRun \`npm run check -- --help\` for the options.\n`);
  process.exit(2);
}
process.exitCode = await runCheckCommand(values, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
