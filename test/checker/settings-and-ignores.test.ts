import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, copyFixture, FIXTURES, makeTempDir, show } from './helpers.ts';

/** An orphan, a short description, and a page of `<!-- kb-ignore … -->` comments. */
const SITE = path.join(FIXTURES, 'settings-and-ignores');

describe('rule settings', () => {
  it('by default, orphans and short descriptions are warnings', async () => {
    expect(show((await check(SITE)).diagnostics)).toMatchInlineSnapshot(`
      "t/ignores.md:16:6  error  the link \`missing-three.md\` points to \`t/missing-three.md\`, which does not exist  link-missing-file
      t/ignores.md:19:37  error  the link \`short.md#nowhere\` names the anchor \`#nowhere\`, but no heading on \`t/short.md\` has that id  link-missing-anchor
      t/ignores.md:25:1  warning  \`link-missing-files\` is not a rule id; did you mean \`link-missing-file\`?  ignore-unknown-rule
      t/ignores.md:26:38  error  the link \`missing-five.md\` points to \`t/missing-five.md\`, which does not exist  link-missing-file
      t/lonely.md:0:0  warning  no other published page links to this article; link it from a related article’s "See also" or from its topic page  orphan-page
      t/short.md:3:14  warning  \`description\` is 10 characters long; search engines show 50–160  description-length"
    `);
  });

  it('`off` removes a rule and `error` raises one', async () => {
    const { diagnostics } = await check(SITE, {
      rules: { 'orphan-page': 'off', 'description-length': 'error' },
    });
    expect(show(diagnostics)).toMatchInlineSnapshot(`
      "t/ignores.md:16:6  error  the link \`missing-three.md\` points to \`t/missing-three.md\`, which does not exist  link-missing-file
      t/ignores.md:19:37  error  the link \`short.md#nowhere\` names the anchor \`#nowhere\`, but no heading on \`t/short.md\` has that id  link-missing-anchor
      t/ignores.md:25:1  warning  \`link-missing-files\` is not a rule id; did you mean \`link-missing-file\`?  ignore-unknown-rule
      t/ignores.md:26:38  error  the link \`missing-five.md\` points to \`t/missing-five.md\`, which does not exist  link-missing-file
      t/short.md:3:14  error  \`description\` is 10 characters long; search engines show 50–160  description-length"
    `);
  });

  it('`warning` lowers an error', async () => {
    const { diagnostics } = await check(SITE, { rules: { 'link-missing-file': 'warning' } });
    expect(diagnostics.filter((d) => d.ruleId === 'link-missing-file').map((d) => d.severity)).toEqual([
      'warning',
      'warning',
    ]);
  });
});

describe('ignore comments', () => {
  it('silence the named rules on the block right after the comment, and nothing else', async () => {
    const { diagnostics } = await check(SITE);
    const page = diagnostics.filter((d) => d.file === 't/ignores.md');
    // Lines 13–14: the paragraph after `kb-ignore link-missing-file` holds two broken links, both silenced.
    // Line 16: the next paragraph is not covered. Line 19: the comment names another rule.
    // Lines 22–23: a list after a comment naming two rules. Line 26: a misspelt rule silences nothing.
    expect(show(page)).toMatchInlineSnapshot(`
      "t/ignores.md:16:6  error  the link \`missing-three.md\` points to \`t/missing-three.md\`, which does not exist  link-missing-file
      t/ignores.md:19:37  error  the link \`short.md#nowhere\` names the anchor \`#nowhere\`, but no heading on \`t/short.md\` has that id  link-missing-anchor
      t/ignores.md:25:1  warning  \`link-missing-files\` is not a rule id; did you mean \`link-missing-file\`?  ignore-unknown-rule
      t/ignores.md:26:38  error  the link \`missing-five.md\` points to \`t/missing-five.md\`, which does not exist  link-missing-file"
    `);
  });

  it('are what silences those links: without them, every broken link is reported', async () => {
    const temp = await makeTempDir('ignores');
    try {
      const site = await copyFixture('settings-and-ignores', temp.dir);
      const page = path.join(site, 't/ignores.md');
      await writeFile(page, (await readFile(page, 'utf8')).replaceAll('kb-ignore', 'no-ignore'));
      const { diagnostics } = await check(site);
      const lines = diagnostics.filter((d) => d.file === 't/ignores.md').map((d) => `${d.line} ${d.ruleId}`);
      expect(lines).toEqual([
        '13 link-missing-file',
        '14 link-missing-file',
        '16 link-missing-file',
        '19 link-missing-anchor',
        '22 link-missing-anchor',
        '23 link-missing-file',
        '26 link-missing-file',
      ]);
    } finally {
      await temp.remove();
    }
  });
});
