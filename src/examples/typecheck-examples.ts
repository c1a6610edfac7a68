import path from 'node:path';
import ts from 'typescript';
import { programParts, type Example } from './collect-examples.ts';
import type { TypecheckOptions } from './example-settings.ts';

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

/**
 * Type-checks TypeScript examples in one compiler pass. Each example (with the code it
 * continues) is a virtual `.mts` file; each error is mapped back to its Markdown line.
 */
export function typecheckExamples(
  examples: readonly Example[],
  root: string,
  settings: TypecheckOptions = {},
): TypeDiagnostic[] {
  if (examples.length === 0) return [];
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

  const options: ts.CompilerOptions = {
    ...EXAMPLE_COMPILER_OPTIONS,
    ...settings,
    typeRoots: [path.join(root, 'node_modules', '@types')],
  };
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
  const seen = new Set<string>();
  const results: TypeDiagnostic[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const virtual = diagnostic.file && files.get(path.normalize(diagnostic.file.fileName));
    if (!virtual || diagnostic.start === undefined) continue;
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    const partIndex = virtual.starts.findLastIndex((start) => start <= line);
    const owner =
      partIndex < virtual.example.prelude.length ? virtual.example.prelude[partIndex]! : virtual.example;
    // A `nocheck` block stays unchecked when a later block continues it and so compiles its code too.
    if (owner.meta.flags.has('nocheck')) continue;
    const result = {
      file: owner.doc.file,
      line: owner.line + 1 + (line - (virtual.starts[partIndex] ?? 0)),
      column: owner.column + character,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
    const key = `${result.file}:${result.line}:${result.column}:${result.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      results.push(result);
    }
  }
  return results;
}
