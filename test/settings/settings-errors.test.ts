import { describe, expect, it } from 'vitest';
import { EXIT, runCheckCommand } from '../../src/cli/check-command.ts';
import { resolveSettings } from '../../src/settings/settings.ts';

/** The message `resolveSettings` throws for `input`. */
function error(input: unknown): string {
  try {
    resolveSettings(input, '/no-such-site');
  } catch (caught) {
    return (caught as Error).message;
  }
  throw new Error('expected the settings to be rejected');
}

describe('settings errors, from one error map', () => {
  it('offer did-you-mean for an unknown key at any level, rule names included', () => {
    expect(
      error({
        name: 'S',
        feedsize: 20,
        publisher: { type: 'Person', nam: 'Ada' },
        rules: { orphn: 'off', 'link-missing-fil': 'warning' },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **publisher.nam**: unknown setting \`nam\`; did you mean \`name\`?
      **rules.orphn**: unknown name \`orphn\`; did you mean \`orphan-page\`?
      **rules.link-missing-fil**: unknown name \`link-missing-fil\`; did you mean \`link-missing-file\`?
      **feedsize**: unknown setting \`feedsize\`; did you mean \`feedSize\`?"
    `);
  });

  it('list the keys when nothing is close, or point to the README when there are many', () => {
    expect(
      error({ name: 'S', themeColor: { light: '#ffffff', dark: '#000000', sepia: '#704214' }, colours: {} }),
    ).toMatchInlineSnapshot(`
        "Invalid site settings in src/site.config.ts:
        **themeColor.sepia**: unknown setting \`sepia\`; expected one of \`light\`, \`dark\`
        **colours**: unknown setting \`colours\`; the settings are listed under "Configuration" in the README"
      `);
  });

  it('name the path and quote the received value for every kind of problem', () => {
    expect(
      error({
        name: '',
        feedSize: 0,
        keywords: 'async, await',
        publisher: { type: 'Company' },
        rules: { 'description-length': 'warn' },
        runtimes: { python: { languages: [], command: 'python3', extension: 'py', label: 'Python' } },
        extraJavascript: [42],
        analytics: { provider: 'matomo', property: 'abc' },
        metaTags: [{ name: 'robots' }, { content: 'x' }],
        nav: [{ title: 'Both', file: 'a.md', url: 'https://example.org' }],
        editUrl: 'https://github.com/o/r/edit/main/docs/',
        primaryColor: 'indigo',
      }),
    ).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **name**: expected some text, received \`""\`
      **publisher.type**: expected one of \`Organization\`, \`Person\`, received \`Company\`
      **keywords**: expected a list, received \`async, await\`
      **feedSize**: expected at least 1, received \`0\`
      **runtimes.python.languages**: expected at least 1 item, received \`[]\`
      **runtimes.python.command**: expected a command as a list of strings, received \`python3\`
      **runtimes.python.extension**: expected a file extension such as \`.py\`, received \`py\`
      **rules.description-length**: expected one of \`off\`, \`info\`, \`warning\`, \`error\`, received \`warn\`; did you mean \`warning\`?
      **editUrl**: expected an address with \`{path}\` in it, such as \`https://github.com/owner/name/edit/main/docs/{path}\`, received \`https://github.com/o/r/edit/main/docs/\`
      **nav.0**: expected exactly one of \`file\`, \`url\` or \`children\`, received \`{ "title": "Both", "file": "a.md", "url": "https://example.org" }\`
      **analytics.provider**: expected \`google\`, received \`matomo\`
      **analytics.property**: expected a property id such as \`G-XXXXXXXXXX\`, received \`abc\`
      **metaTags.0.content**: expected text, received nothing
      **metaTags.1**: expected either \`name\` or \`property\`, received \`{ "content": "x" }\`
      **extraJavascript.0**: expected text or an object, received \`42\`
      **primaryColor**: expected a colour such as \`#4051b5\`, received \`indigo\`"
    `);
  });

  it('say so when the settings are no object at all, or the name is missing', () => {
    expect(error('Async Answers')).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **(settings)**: expected the settings as an object, received \`Async Answers\`"
    `);
    expect(error({})).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **name**: expected text, received nothing"
    `);
  });
});

describe('the old rule name `orphan`', () => {
  it('is accepted in `rules` as `orphan-page`, with a notice', () => {
    const settings = resolveSettings({ name: 'S', rules: { orphan: 'off' } }, '/no-such-site');
    expect(settings.rules).toEqual({ 'orphan-page': 'off' });
    expect(settings.notices).toMatchInlineSnapshot(`
      [
        {
          "column": 0,
          "file": "src/site.config.ts",
          "key": "rules.orphan",
          "line": 0,
          "message": "is now \`orphan-page\`; the old name still works",
        },
      ]
    `);
  });
});

describe('npm run check with bad settings', () => {
  it('prints the message without a stack trace and exits with 2', async () => {
    let stderr = '';
    const code = await runCheckCommand(
      { examples: false },
      {
        cwd: '/no-such-site',
        env: {},
        settings: { name: 'S', rules: { orphn: 'off' } },
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
      },
    );
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **rules.orphn**: unknown name \`orphn\`; did you mean \`orphan-page\`?
      "
    `);
  });
});

describe('astro build with bad settings', () => {
  it('stops with the message alone, no stack trace, and exits with 2', async () => {
    const { execFile } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['node_modules/astro/bin/astro.mjs', 'build'],
        {
          env: { ...process.env, KB_SITE_URL: 'nope', KB_OUT_DIR: '/tmp/kb-settings-error-never-written' },
          timeout: 120_000,
        },
        (_, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "Invalid site settings in the environment:\n**KB_SITE_URL**: expected the site's public address",
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\bat \S+ \(|SettingsError/);
  });
});

describe('npm run check on a MkDocs project', () => {
  it('prints one notice per setting mkdocs.yml sets and the site cannot honour, before the findings', async () => {
    let stderr = '';
    await runCheckCommand(
      { examples: false, cache: false },
      {
        cwd: new URL('./fixtures/', import.meta.url).pathname,
        env: { KB_CONTENT_DIR: 'unsupported' },
        settings: {},
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
      },
    );
    const notices = stderr.split('\n').filter((line) => line.includes('  notice  '));
    expect(notices).toHaveLength(23);
    expect(notices[0]).toMatchInlineSnapshot(
      `"unsupported/mkdocs.yml:2:1  notice  **site_nmae**: is not a MkDocs setting; ignored; did you mean \`site_name\`?"`,
    );
  });
});
