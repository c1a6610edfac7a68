import { execFile } from 'node:child_process';
import { ORACLE_PYTHON } from './python-markdown.ts';

/** Markdown and the extensions it is rendered with, options as `mkdocs.yml` gives them after YAML. */
export interface HeadingIdsCase {
  text: string;
  /**
   * Extensions by name with their options; `'!!python/name:a.b'` strings and
   * `{ '!!python/object/apply:a.b': { kwds } }` maps become the Python objects they name,
   * as MkDocs' YAML loader makes them.
   */
  extensions: Record<string, unknown>;
}

const DRIVER = `
import html, importlib, json, re, sys, warnings
import markdown
warnings.simplefilter("ignore")
NAME, APPLY = "!!python/name:", "!!python/object/apply:"

def resolve(value):
    if isinstance(value, str) and value.startswith(NAME):
        module, _, attribute = value[len(NAME):].rpartition(".")
        return getattr(importlib.import_module(module), attribute)
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)).startswith(APPLY):
            key, call = next(iter(value.items()))
            function = resolve(NAME + key[len(APPLY):])
            if isinstance(call, list):
                return function(*resolve(call))
            call = call or {}
            return function(*resolve(call.get("args", [])), **resolve(call.get("kwds", {})))
        return {key: resolve(item) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item) for item in value]
    return value

HEADING_ID = re.compile(r'<h[1-6][^>]*?\\sid="([^"]*)"')
results = []
for case in json.load(sys.stdin):
    extensions = resolve(case["extensions"])
    rendered = markdown.markdown(case["text"], extensions=list(extensions), extension_configs=extensions)
    results.append([html.unescape(found) for found in HEADING_ID.findall(rendered)])
print(json.dumps(results))
`;

/**
 * The heading ids Python-Markdown gives each case, in document order: the oracle for
 * `src/markdown/toc-ids.ts`. All cases run in one Python process.
 */
export async function pythonHeadingIds(cases: readonly HeadingIdsCase[]): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      ORACLE_PYTHON,
      ['-c', DRIVER],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Python-Markdown failed: ${stderr}`, { cause: error }));
        else resolve(JSON.parse(stdout) as string[][]);
      },
    );
    child.stdin?.end(JSON.stringify(cases));
  });
}
