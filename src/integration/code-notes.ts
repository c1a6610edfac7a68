import type { Example, ExampleDocument } from '../examples/collect-examples.ts';
import type { ExampleOutcome } from '../examples/run-example.ts';
import { runtimeForLanguage, type RuntimeSpec } from '../examples/runtimes.ts';
import { parseFenceMeta } from '../markdown/fence-meta.ts';
import type { ContentDocument } from '../model/load-document.ts';
import type { CodeNote } from '../model/site-model.ts';

/** What a build knows about the examples: run and judged, skipped (`KB_EXAMPLES=off`), or not yet (dev server). */
export type ExamplesVerdict =
  | {
      status: 'verified';
      /** Each document's outcomes by the line of their example (see `outcomesByDocument`). */
      byDocument: ReadonlyMap<ExampleDocument, ReadonlyMap<number, ExampleOutcome>>;
    }
  | { status: 'skipped' | 'unverified' };

/** The examples' outcomes grouped by document, then by the example's line: one pass over every example. */
export function outcomesByDocument(
  examples: readonly Example[],
  outcomes: ReadonlyMap<Example, ExampleOutcome>,
): Map<ExampleDocument, Map<number, ExampleOutcome>> {
  const byDocument = new Map<ExampleDocument, Map<number, ExampleOutcome>>();
  for (const example of examples) {
    const outcome = outcomes.get(example);
    if (!outcome) continue;
    const lines = byDocument.get(example.doc) ?? new Map<number, ExampleOutcome>();
    byDocument.set(example.doc, lines.set(example.line, outcome));
  }
  return byDocument;
}

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
  const outcomes = verdict.status === 'verified' ? verdict.byDocument.get(doc) : undefined;
  return (doc.facts?.code ?? []).map((code): CodeNote | undefined => {
    if (!runtimeForLanguage(runtimes, code.lang)) return undefined;
    const runtime = labels[(code.lang ?? '').toLowerCase()] ?? code.lang ?? '';
    if (parseFenceMeta(code.meta).flags.has('norun'))
      return { state: 'not-run', text: 'Shown only: this example is not run' };
    if (verdict.status === 'skipped')
      return { state: 'not-verified', text: 'Not verified: this build skipped the examples' };
    if (verdict.status === 'unverified')
      return { state: 'not-verified', text: 'Not verified yet (development server)' };
    const outcome = outcomes?.get(code.line);
    if (outcome?.passed) return { state: 'verified', text: `Verified on ${runtime}` };
    return outcome
      ? { state: 'known-failure', text: `Not verified: this example fails on ${runtime}` }
      : { state: 'not-verified', text: 'Not verified: this example was not run' };
  });
}
