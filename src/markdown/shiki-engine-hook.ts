import { registerHooks } from 'node:module';

/** Where Astro's highlighter imports its regex engine from: a private import of its helpers package. */
const ENGINE_SPECIFIER = '#shiki-engine';
const ASTRO_HELPERS = '/@astrojs/internal-helpers/';

let installed = false;

/**
 * Makes Astro's highlighter, in this thread, load the remembering engine of shiki-memo-engine.ts
 * instead of its own: the same Oniguruma engine, which answers each search shiki repeats for the
 * second theme from memory. The highlighting code and its HTML stay Astro's. It takes effect for
 * a highlighter whose module this thread has not loaded yet, which is why the renderer's module is
 * loaded after it (markdown-tools.ts). Were Astro to move the import, highlighting would only be
 * slower again: the test of this module fails then.
 */
export function useMemoizingShikiEngine(): void {
  if (installed) return;
  installed = true;
  const engine = new URL('./shiki-memo-engine.ts', import.meta.url).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === ENGINE_SPECIFIER && context.parentURL?.includes(ASTRO_HELPERS))
        return { url: engine, shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
}
