import { createHighlighter } from 'shiki';
const hl = await createHighlighter({ themes: ['github-light-default', 'github-dark-default'], langs: ['python', 'ts', 'yaml'] });
for (const [lang, code] of [['python', 'x = f(1)  # (1)\n# (2)!\ns = "# (3)"'], ['ts', 'await run(1); // (1)!\n/* (2) */'], ['yaml', 'a: 1 # (1)']]) {
  const r = hl.codeToTokens(code, { lang, themes: { light: 'github-light-default', dark: 'github-dark-default' }, includeExplanation: 'scopeName' });
  for (const line of r.tokens) console.log(line.map(t => `[${t.offset}:${JSON.stringify(t.content)} ${t.explanation?.map(e => e.scopes.map(s => s.scopeName).at(-1)).join('|')}]`).join(' '));
}
