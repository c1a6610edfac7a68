// The layering of src/, as dependency-cruiser rules; test/architecture/layers.test.ts enforces them.
// From the bottom: core ← markdown ← model ← checks ← examples ← settings, seo ← integration, cli;
// pages, layouts and components read the site through the integration's virtual module.

/** Folders of src/ that are the pipeline: plain TypeScript, called by the CLI, the integration and tests alike. */
const PIPELINE = '^src/(core|markdown|model|checks|examples|settings|seo|cli)/';
const PAGE_SIDE = '(integration|cli|site|pages|layouts|components)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle hides which module is the lower layer; break it by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pipeline-knows-no-astro',
      comment: 'The pipeline does not know it runs inside Astro: it takes its inputs as parameters.',
      severity: 'error',
      from: { path: PIPELINE },
      to: { path: ['^astro($|/|:)', '^node_modules/astro/', '^virtual:'] },
    },
    {
      name: 'core-is-the-bottom',
      comment: 'src/core holds helpers every layer may use; it uses none of them.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'markdown-is-below-the-model',
      comment: 'Remark plugins and the renderer know nothing of documents, checks or pages.',
      severity: 'error',
      from: { path: '^src/markdown/' },
      to: { path: `^src/(model|checks|examples|settings|seo|${PAGE_SIDE.slice(1)}/` },
    },
    {
      name: 'model-is-below-the-checks',
      comment: 'The document model derives facts; which of them are problems is the checks’ business.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: `^src/(checks|examples|settings|seo|${PAGE_SIDE.slice(1)}/` },
    },
    {
      name: 'checks-are-below-examples-and-wiring',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { path: `^src/(examples|settings|seo|${PAGE_SIDE.slice(1)}/` },
    },
    {
      name: 'examples-are-below-wiring',
      severity: 'error',
      from: { path: '^src/examples/' },
      to: { path: `^src/(settings|seo|${PAGE_SIDE.slice(1)}/` },
    },
    {
      name: 'settings-and-seo-are-below-wiring',
      severity: 'error',
      from: { path: '^src/(settings|seo)/' },
      to: { path: `^src/${PAGE_SIDE}/` },
    },
    {
      name: 'pages-read-the-site-module',
      comment:
        'Pages, layouts and components get the site from virtual:proven-kb/site, never from the wiring or the checks.',
      severity: 'error',
      from: { path: '^src/(site|pages|layouts|components)/' },
      to: { path: '^src/(integration|cli|checks|examples)/' },
    },
    {
      name: 'only-pages-import-the-site-module',
      severity: 'error',
      from: { pathNot: '^src/(pages|layouts|components)/' },
      to: { path: '^virtual:proven-kb/' },
    },
    {
      name: 'browser-scripts-stand-alone',
      comment: 'src/client is bundled for the browser: it may share site paths, nothing of the build.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/', pathNot: ['^src/client/', '^src/core/site-paths\\.ts$'] },
    },
    {
      name: 'the-product-needs-no-tests-or-bench',
      comment: 'Only `npm run bench` (scripts/bench.ts) runs the benchmark.',
      severity: 'error',
      from: { path: '^(src|scripts)/', pathNot: '^scripts/bench\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)fixtures/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    // dependency-cruiser cannot read .astro files yet: they are leaves here, their layer rule
    // (pages-read-the-site-module) covers the TypeScript they import from src/site.
    extraExtensionsToScan: ['.astro'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.astro'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
