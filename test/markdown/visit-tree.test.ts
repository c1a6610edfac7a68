import type { Node, Parent } from 'unist';
import { visit as libraryVisit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, visit } from '../../src/markdown/visit-tree.ts';

interface TestNode extends Node {
  id: number;
  children?: TestNode[];
}

/** A deterministic random tree of `size` nodes or so, of types a, b and c, some of them parents. */
function randomTree(seed: number, size: number): TestNode {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let next = 0;
  const make = (depth: number): TestNode => {
    const node: TestNode = { type: 'abc'[Math.floor(random() * 3)]!, id: next++ };
    if (depth === 0 || (depth < 6 && next < size && random() < 0.6)) {
      node.children = Array.from({ length: 1 + Math.floor(random() * 4) }, () => make(depth + 1));
    }
    return node;
  };
  return make(0);
}

/**
 * A visitor that does everything a visitor may: skips some nodes' children, stops the walk,
 * removes or inserts siblings and says where to go on, each decided by the node's id. It logs
 * every call; `fresh` numbers the nodes it inserts.
 */
function scriptedVisitor(log: string[], options: { exitAt?: number | undefined; reverse: boolean }) {
  // Indexes it returns lead on in the walk's direction, never back, or the walk would not end.
  const step = options.reverse ? -1 : 1;
  let fresh = 1000;
  let calls = 0;
  const inserted = new Set<number>();
  return (node: Node, index: number | undefined, parent: Parent | undefined) => {
    const { id } = node as TestNode;
    calls++;
    log.push(`${id}@${index}<${parent ? (parent as unknown as TestNode).id : '-'}`);
    if (options.exitAt !== undefined && calls === options.exitAt) return EXIT;
    if (id % 7 === 3) return SKIP;
    if (parent && index !== undefined && id % 5 === 1 && !inserted.has(id)) {
      // Insert a node before this one and go on from there: the new node is visited next (in
      // reverse, the walk moves on before it).
      inserted.add(id);
      parent.children.splice(index, 0, { type: 'b', id: fresh++ } as TestNode);
      return index;
    }
    if (parent && index !== undefined && id % 11 === 4 && index + step >= 0) {
      // Remove the next sibling in the walk's direction, and go on after it.
      parent.children.splice(index + step, 1);
      return options.reverse ? index - 2 : index + 1;
    }
    // Skip this node's children and its next sibling.
    if (id % 13 === 6)
      return [SKIP, index === undefined ? undefined : index + 2 * step] as [typeof SKIP, number?];
    return undefined;
  };
}

const TESTS = [
  undefined,
  'a',
  ['a', 'c'],
  { type: 'b' },
  (node: Node) => ((node as TestNode).id % 2 === 0) as boolean,
] as const;

describe('visit (the tree walker of the Markdown steps)', () => {
  it.each(TESTS.map((test) => [JSON.stringify(test) ?? String(test), test] as const))(
    'visits what unist-util-visit visits, in the same order, and leaves the same tree (test %s)',
    (_name, test) => {
      let calls = 0;
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        for (const reverse of [false, true]) {
          for (const exitAt of [undefined, 9]) {
            const ours = randomTree(seed, 80);
            const theirs = structuredClone(ours);
            const ourLog: string[] = [];
            const theirLog: string[] = [];
            if (test === undefined) {
              visit(ours, scriptedVisitor(ourLog, { exitAt, reverse }), reverse);
              libraryVisit(theirs, scriptedVisitor(theirLog, { exitAt, reverse }), reverse);
            } else {
              visit(ours, test as never, scriptedVisitor(ourLog, { exitAt, reverse }), reverse);
              libraryVisit(theirs, test as never, scriptedVisitor(theirLog, { exitAt, reverse }), reverse);
            }
            calls += ourLog.length;
            expect(ourLog).toEqual(theirLog);
            expect(ours).toEqual(theirs);
          }
        }
      }
      // Enough calls that every kind of answer was given, and then some.
      expect(calls).toBeGreaterThan(100);
    },
  );

  it('hands enter and exit visitors to the library', () => {
    const tree = randomTree(3, 30);
    const entered: number[] = [];
    const exited: number[] = [];
    visit(tree, {
      enter: (node) => void entered.push((node as TestNode).id),
      exit: (node) => void exited.push((node as TestNode).id),
    });
    expect(entered[0]).toBe(0);
    expect(exited.at(-1)).toBe(0);
    expect([...exited].sort()).toEqual([...entered].sort());
  });
});
