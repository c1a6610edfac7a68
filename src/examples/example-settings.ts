import type { RuntimeEnvironment } from './runtime-versions.ts';

/** The type-check options a site may set, each to true or false, over the default `strict`. */
export const TYPECHECK_OPTIONS = [
  'strict',
  'noUncheckedIndexedAccess',
  'exactOptionalPropertyTypes',
  'noImplicitOverride',
  'noImplicitReturns',
  'noFallthroughCasesInSwitch',
  'noPropertyAccessFromIndexSignature',
  'noUnusedLocals',
  'noUnusedParameters',
] as const;

/** Type-check options a site sets: `{ noUncheckedIndexedAccess: true }`. */
export type TypecheckOptions = Partial<Record<(typeof TYPECHECK_OPTIONS)[number], boolean>>;

/** The `examples` block of the site settings. */
export interface ExampleSettings {
  /** The time limit of an example whose fence sets none: `10s`, `500ms`. */
  timeout?: string | undefined;
  /** By runtime name (`python`): the interpreter that runs its examples, and its requirements file. */
  environments?: Record<string, RuntimeEnvironment> | undefined;
  /** Type-check options over `strict`. */
  typecheck?: TypecheckOptions | undefined;
}
