// A worker thread that type-checks the TypeScript examples (typecheck-examples.ts), so that the
// compiler's pass runs beside the examples rather than after them.
import { serveTasks } from '../core/worker-pool.ts';
import type { TypecheckTask } from './typecheck-in-thread.ts';
import { typecheckExamples, type TypeDiagnostic } from './typecheck-examples.ts';

serveTasks<TypecheckTask, TypeDiagnostic[]>(({ examples, root, settings }) =>
  typecheckExamples(examples, root, settings),
);
