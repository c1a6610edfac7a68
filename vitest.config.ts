import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One test file at a time: several files build sites and run examples, which use both
    // cores each; running them side by side only makes time limits race.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    globalSetup: ['./test/helpers/run-temp-folder.ts'],
    // The default output, then the tests skipped for want of a system tool and what to install.
    reporters: ['default', './test/helpers/skipped-tools-reporter.ts'],
  },
});
