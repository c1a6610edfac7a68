import path from 'node:path';
import ts from 'typescript';
import { programParts, type Example } from './collect-examples.ts';
import type { TypecheckOptions } from './example-settings.ts';
import { mentions } from './names-in-code.ts';

/** A type error, placed in the Markdown. */
export interface TypeDiagnostic {
  /** Content-relative file of the article. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Compiler options matching how Node.js runs the examples (ES modules, type stripping) and the
 * checks a reader's own project most likely has: `strict`, and nothing stricter, so that idiomatic
 * code such as `list.length > 0 ? list[0] : fallback` passes. A site may add more in its settings.
 */
export const EXAMPLE_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2024,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2024.d.ts'],
  types: ['node'],
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
};

/** A type error and the example whose program it was found in. */
interface FoundError extends TypeDiagnostic {
  example: Example;
}

/**
 * Type-checks TypeScript examples in one compiler pass. Each example (with the code it
 * continues) is a virtual `.mts` file; each error is mapped back to its Markdown line. A
 * fragment that cannot find a name an earlier block of its article declares is checked again
 * after those blocks, as the runner runs it, and judged by that second pass.
 */
export function typecheckExamples(
  examples: readonly Example[],
  root: string,
  settings: TypecheckOptions = {},
): TypeDiagnostic[] {
  if (examples.length === 0) return [];
  const options: ts.CompilerOptions = {
    ...EXAMPLE_COMPILER_OPTIONS,
    ...settings,
    typeRoots: [path.join(root, 'node_modules', '@types')],
  };
  let found = checkPass(examples, root, options);
  const fragments = new Set(
    found.flatMap(({ example, message }) => {
      const name = /^Cannot find name '([^']+)'/.exec(message)?.[1];
      const declared =
        name !== undefined &&
        example.prelude.length < example.earlier.length &&
        example.earlier.some((earlier) => mentions(earlier.code, name));
      return declared ? [example] : [];
    }),
  );
  if (fragments.size > 0) {
    const again = checkPass(
      [...fragments].map((example) => ({ ...example, prelude: example.earlier })),
      root,
      options,
    );
    found = [
      ...found.filter((error) => !fragments.has(error.example)),
      ...again.filter((error) => !error.inPrelude),
    ];
  }
  const seen = new Set<string>();
  const results: TypeDiagnostic[] = [];
  for (const { file, line, column, message } of found) {
    const key = `${file}:${line}:${column}:${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      results.push({ file, line, column, message });
    }
  }
  return results;
}

/** One compiler pass over the examples' programs, each error placed in the Markdown. */
function checkPass(
  examples: readonly Example[],
  root: string,
  options: ts.CompilerOptions,
): (FoundError & { inPrelude: boolean })[] {
  const folder = path.join(root, 'node_modules', '.cache', 'proven-kb', 'typecheck');
  const files = new Map<string, { example: Example; text: string; starts: number[] }>();
  examples.forEach((example, index) => {
    const parts = programParts(example);
    const starts: number[] = [];
    let line = 0;
    for (const part of parts) {
      starts.push(line);
      line += part.split('\n').length;
    }
    files.set(path.join(folder, `example-${index}.mts`), { example, text: parts.join('\n'), starts });
  });

  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const virtual = files.get(path.normalize(fileName));
    return virtual
      ? ts.createSourceFile(fileName, virtual.text, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, ...rest);
  };
  host.fileExists = (fileName) => files.has(path.normalize(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(path.normalize(fileName))?.text ?? readFile.call(host, fileName);

  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const results: (FoundError & { inPrelude: boolean })[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const virtual = diagnostic.file && files.get(path.normalize(diagnostic.file.fileName));
    if (!virtual || diagnostic.start === undefined) continue;
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    const partIndex = virtual.starts.findLastIndex((start) => start <= line);
    const inPrelude = partIndex < virtual.example.prelude.length;
    const owner = inPrelude ? virtual.example.prelude[partIndex]! : virtual.example;
    // A `nocheck` block stays unchecked when a later block continues it and so compiles its code too.
    if (owner.meta.flags.has('nocheck')) continue;
    results.push({
      example: virtual.example,
      inPrelude,
      file: owner.doc.file,
      line: owner.line + 1 + (line - (virtual.starts[partIndex] ?? 0)),
      column: owner.column + character,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    });
  }
  return results;
}
