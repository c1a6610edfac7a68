import { createWorkerPool } from '../core/worker-pool.ts';
import type { Example } from './collect-examples.ts';
import type { TypecheckOptions } from './example-settings.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';

/** What the type-check thread is given: the examples, stripped to what the compiler pass reads. */
export interface TypecheckTask {
  examples: Example[];
  root: string;
  settings: TypecheckOptions | undefined;
}

/**
 * Type-checks the examples in a worker thread of its own: the compiler's pass (seconds for a
 * few thousand examples) then runs while the examples do, on whichever core is free, instead of
 * after them. Each example crosses threads with its document reduced to its path, which is all
 * the pass reads of it; blocks that run before others keep being the same objects.
 */
export async function typecheckInThread(
  examples: readonly Example[],
  root: string,
  settings: TypecheckOptions | undefined,
): Promise<TypeDiagnostic[]> {
  const pool = createWorkerPool<TypecheckTask, TypeDiagnostic[]>({
    script: new URL('./typecheck-worker.ts', import.meta.url),
    workerData: undefined,
    size: 1,
    tasksPerWorker: 1,
    describe: () => 'Could not type-check the TypeScript examples',
  });
  try {
    return await pool.run({ examples: slim(examples), root, settings }, 'examples');
  } finally {
    await pool.close();
  }
}

/** The examples with only their documents' paths, the links between them kept. */
function slim(examples: readonly Example[]): Example[] {
  const copies = new Map<Example, Example>();
  const copy = (example: Example): Example => {
    let made = copies.get(example);
    if (!made) {
      made = {
        ...example,
        doc: {
          file: example.doc.file,
          displayPath: example.doc.displayPath,
          text: undefined,
          facts: undefined,
        },
        prelude: [],
        earlier: [],
      };
      copies.set(example, made);
      made.prelude = example.prelude.map(copy);
      made.earlier = example.earlier.map(copy);
    }
    return made;
  };
  return examples.map(copy);
}
