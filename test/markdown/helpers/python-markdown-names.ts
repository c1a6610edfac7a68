import { execFile } from 'node:child_process';
import { ORACLE_PYTHON, type ExtensionConfigs } from '../../helpers/python-markdown.ts';

const DRIVER = `
import importlib, json, sys
import markdown

def resolve(value):
    if isinstance(value, str) and value.startswith("!!python/name:"):
        module, _, name = value[len("!!python/name:"):].rpartition(".")
        return getattr(importlib.import_module(module), name)
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item) for item in value]
    return value

request = json.load(sys.stdin)
extensions = resolve(request["extensions"])
print(markdown.markdown(request["text"], extensions=list(extensions), extension_configs=extensions), end="")
`;

/**
 * Like `renderWithPythonMarkdown`, but option values written `!!python/name:module.name` (as
 * `mkdocs.yml` writes functions, such as an emoji index or a fence format) become those
 * Python objects, as MkDocs' YAML loader makes them.
 */
export function renderWithPythonNames(text: string, extensions: ExtensionConfigs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      ORACLE_PYTHON,
      ['-c', DRIVER],
      { timeout: 20_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`Python-Markdown failed: ${stderr}`, { cause: error })) : resolve(stdout),
    );
    child.stdin?.end(JSON.stringify({ text, extensions }));
  });
}
