import type { Node, Parent } from 'unist';
import { convert, type Test } from 'unist-util-is';
import { CONTINUE, EXIT, SKIP, visit as libraryVisit } from 'unist-util-visit';

export { CONTINUE, EXIT, SKIP };

/** What a visitor may return, as `unist-util-visit` reads it. */
type VisitorResult = boolean | number | 'skip' | void | readonly [(boolean | 'skip')?, number?];
type AnyVisitor = (node: Node, index: number | undefined, parent: Parent | undefined) => VisitorResult;
type Action = readonly [boolean | 'skip' | undefined, number | undefined];

const NOTHING: Action = [undefined, undefined];

/**
 * `unist-util-visit`'s `visit`, with its types and its behaviour: the same order, the same
 * arguments, and the same reading of what the visitor returns (`SKIP`, `EXIT`, an index to go
 * on from, or both). Only its cost differs. The library names a function after every node it
 * enters, for readable stack traces, and copies the list of ancestors at every parent; with
 * about twenty steps walking each tree, that was a sixth of the time spent parsing and
 * rendering a page. Visitors with `enter` and `exit` (which no step here uses) go to the library.
 */
export const visit: typeof libraryVisit = ((
  tree: Node,
  testOrVisitor: Test | AnyVisitor,
  visitorOrReverse?: AnyVisitor | boolean | null,
  maybeReverse?: boolean | null,
) => {
  const withTest =
    typeof visitorOrReverse === 'function' || (visitorOrReverse && typeof visitorOrReverse === 'object');
  const visitor = (withTest ? visitorOrReverse : testOrVisitor) as AnyVisitor;
  if (typeof visitor !== 'function') {
    (libraryVisit as (...args: unknown[]) => void)(tree, testOrVisitor, visitorOrReverse, maybeReverse);
    return;
  }
  const test = withTest ? (testOrVisitor as Test) : undefined;
  const reverse = withTest ? maybeReverse : (visitorOrReverse as boolean | null | undefined);
  const is = test === undefined || test === null ? undefined : convert(test);
  const step = reverse ? -1 : 1;

  const one = (node: Node, index: number | undefined, parent: Parent | undefined): Action => {
    let result = NOTHING;
    if (!is || is(node, index, parent)) {
      result = toAction(visitor(node, index, parent));
      if (result[0] === EXIT) return result;
    }
    const children = (node as Partial<Parent>).children;
    if (children && result[0] !== SKIP) {
      const self = node as Parent;
      // Read again at every step, as the library does: a visitor may replace or splice them.
      let offset = (reverse ? self.children.length : -1) + step;
      while (offset > -1 && offset < self.children.length) {
        const outcome = one(self.children[offset]!, offset, self);
        if (outcome[0] === EXIT) return outcome;
        offset = typeof outcome[1] === 'number' ? outcome[1] : offset + step;
      }
    }
    return result;
  };

  if (!tree || typeof tree !== 'object')
    throw new Error(`Unexpected value \`${String(tree)}\` for \`tree\`, expected node`);
  one(tree, undefined, undefined);
}) as typeof libraryVisit;

/** A visitor's return value as the library reads it. */
function toAction(value: VisitorResult): Action {
  if (Array.isArray(value)) return [value[0] as Action[0], value[1] as Action[1]];
  if (value === null || value === undefined) return NOTHING;
  if (typeof value === 'number') return [CONTINUE, value];
  return [value as Action[0], undefined];
}
