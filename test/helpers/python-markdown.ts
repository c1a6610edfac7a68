import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { SystemTool } from './require-tool.ts';

const run = promisify(execFile);

/** Debian's Python, where `python3-markdown` and `python3-pymdownx` (MkDocs' Markdown) are installed. */
export const ORACLE_PYTHON = process.env['KB_ORACLE_PYTHON'] ?? '/usr/bin/python3';

/** Python-Markdown extensions by name, each with its options (`{}` for none), as `mkdocs.yml` lists them. */
export type ExtensionConfigs = Record<string, Record<string, unknown>>;

const DRIVER = `
import json, sys
import markdown
request = json.load(sys.stdin)
print(markdown.markdown(request["text"], extensions=list(request["extensions"]), extension_configs=request["extensions"]), end="")
`;

/** Python-Markdown with pymdownx, MkDocs' Markdown: the oracle of the Markdown tests. */
export const PYTHON_MARKDOWN: SystemTool = {
  name: `Python-Markdown with pymdownx (for ${ORACLE_PYTHON})`,
  install:
    'apt-get install python3-markdown python3-pymdownx, or set KB_ORACLE_PYTHON to a Python that has them',
  available: () => canImport(['markdown', 'pymdownx']),
};

/** MkDocs with the Material theme: the oracle of the `mkdocs.yml` tests. */
export const MKDOCS_MATERIAL: SystemTool = {
  name: `MkDocs with Material for MkDocs (for ${ORACLE_PYTHON})`,
  install: 'apt-get install mkdocs mkdocs-material, or set KB_ORACLE_PYTHON to a Python that has them',
  available: () => canImport(['mkdocs', 'material']),
};

/** True when {@link ORACLE_PYTHON} runs and can import every module of `modules`. */
async function canImport(modules: readonly string[]): Promise<boolean> {
  if (!existsSync(ORACLE_PYTHON)) return false;
  try {
    await run(ORACLE_PYTHON, ['-c', `import ${modules.join(', ')}`], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders `text` with Python-Markdown, the renderer MkDocs uses, and the given extensions:
 * the oracle that our Markdown is compared with.
 */
export async function renderWithPythonMarkdown(text: string, extensions: ExtensionConfigs): Promise<string> {
  const child = execFile(ORACLE_PYTHON, ['-c', DRIVER], { timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
  const output = new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`Python-Markdown failed (exit ${code}):\n${stderr}`)),
    );
  });
  child.stdin?.end(JSON.stringify({ text, extensions }));
  return output;
}
