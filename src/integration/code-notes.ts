import type { Example } from '../examples/collect-examples.ts';
import type { ExampleOutcome } from '../examples/run-example.ts';
import { runtimeForLanguage, type RuntimeSpec } from '../examples/runtimes.ts';
import { parseFenceMeta } from '../markdown/fence-meta.ts';
import type { ContentDocument } from '../model/load-document.ts';
import type { CodeNote } from '../model/site-model.ts';

/** What a build knows about the examples: run and judged, skipped (`KB_EXAMPLES=off`), or not yet (dev server). */
export type ExamplesVerdict =
  | { status: 'verified'; outcomes: ReadonlyMap<Example, ExampleOutcome>; examples: readonly Example[] }
  | { status: 'skipped' | 'unverified' };

/** What each fence language ran on: `{ ts: 'Node.js 24.9.0', py: 'Python 3.11.7' }`. */
export function runtimeLabels(
  runtimes: Record<string, RuntimeSpec>,
  versions: Record<string, string>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, spec] of Object.entries(runtimes)) {
    const label = versions[name] ? `${spec.label} ${versions[name]}` : spec.label;
    for (const language of spec.languages) labels[language] = label;
  }
  return labels;
}

/**
 * The line under each code block of a document: only what this build ran and saw pass says
 * "verified"; blocks in a language no runtime runs get no line.
 */
export function codeNotesOf(
  doc: ContentDocument,
  runtimes: Record<string, RuntimeSpec>,
  labels: Record<string, string>,
  verdict: ExamplesVerdict,
): (CodeNote | undefined)[] {
  const outcomes = new Map<number, ExampleOutcome>();
  if (verdict.status === 'verified') {
    for (const example of verdict.examples) {
      const outcome = verdict.outcomes.get(example);
      if (example.doc === doc && outcome) outcomes.set(example.line, outcome);
    }
  }
  return (doc.facts?.code ?? []).map((code): CodeNote | undefined => {
    if (!runtimeForLanguage(runtimes, code.lang)) return undefined;
    const runtime = labels[(code.lang ?? '').toLowerCase()] ?? code.lang ?? '';
    if (parseFenceMeta(code.meta).flags.has('norun'))
      return { state: 'not-run', text: 'Shown only: this example is not run' };
    if (verdict.status === 'skipped')
      return { state: 'not-verified', text: 'Not verified: this build skipped the examples' };
    if (verdict.status === 'unverified')
      return { state: 'not-verified', text: 'Not verified yet (development server)' };
    const outcome = outcomes.get(code.line);
    if (outcome?.passed) return { state: 'verified', text: `Verified on ${runtime}` };
    return outcome
      ? { state: 'known-failure', text: `Not verified: this example fails on ${runtime}` }
      : { state: 'not-verified', text: 'Not verified: this example was not run' };
  });
}
