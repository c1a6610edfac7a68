import { DEFAULT_MARKDOWN_EXTENSIONS } from '../../src/markdown/default-extensions.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editUrlFor, editUrlPattern } from '../../src/settings/edit-url.ts';
import { loadMkdocsYaml } from '../../src/settings/mkdocs-yaml.ts';
import { formatNotice, resolveSettings } from '../../src/settings/settings.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Settings for the fixture project `name`, pointed at as `KB_CONTENT_DIR` does, from the fixtures folder. */
function settingsOf(name: string, input: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  return resolveSettings(input, FIXTURES, { KB_CONTENT_DIR: name, ...env });
}

function errorOf(name: string): string {
  try {
    settingsOf(name);
  } catch (caught) {
    return (caught as Error).message;
  }
  throw new Error('expected the settings to be rejected');
}

describe('a MkDocs project as the content folder', () => {
  it('reads every supported key of mkdocs.yml, under the settings’ names', () => {
    const settings = settingsOf('full');
    expect(settings.contentDir).toBe(path.join(FIXTURES, 'full/site-docs'));
    expect(settings.mkdocs).toEqual({
      dir: path.join(FIXTURES, 'full'),
      configFile: path.join(FIXTURES, 'full/mkdocs.yml'),
      docsDir: path.join(FIXTURES, 'full/site-docs'),
    });
    expect(settings).toMatchObject({
      name: 'Fallback Answers',
      url: 'https://example.org',
      base: '/kb/',
      author: 'Ada Example',
      copyright: 'Copyright &copy; 2024 <a href="https://example.org">Example</a>',
      repo: { url: 'https://github.com/example/answers', name: 'GitHub' },
      editUrl: 'https://github.com/example/answers/edit/main/site-docs/{path}',
      language: 'pt-BR',
      logo: 'assets/logo.svg',
      favicon: 'assets/favicon.png',
      primaryColor: '#7e56c2',
      // MkDocs' implicit `templates/`, `exclude_docs`, then `draft_docs` (left out of a build too).
      exclude: ['/templates/', 'drafts/', '*.tmp.md', '_unpublished/'],
      extraCss: ['stylesheets/extra.css'],
      extraJavascript: [
        { src: 'javascripts/extra.js' },
        { src: 'javascripts/module.mjs', type: 'module', defer: true },
      ],
      metaTags: [
        { name: 'google-site-verification', content: 'abc123' },
        { property: 'fb:app_id', content: '12345' },
      ],
      analytics: {
        provider: 'google',
        property: 'G-ABC123XYZ',
        feedback: { title: 'Was this page helpful?', ratings: [expect.objectContaining({ data: 1 })] },
      },
    });
    // `site_description: !ENV KB_TEST_DESCRIPTION` without the variable and without a fallback is null.
    expect(settings.description).toBe('');
  });

  it('keeps the order and titles of nav; a missing file becomes a link, as in MkDocs', () => {
    expect(settingsOf('full').nav).toEqual([
      { title: 'Home', file: 'index.md' },
      {
        title: 'Basics',
        children: [{ file: 'basics/index.md' }, { title: 'What is it?', file: 'basics/what-is-it.md' }],
      },
      {
        title: 'Advanced',
        children: [
          { title: 'Deep dive', file: 'advanced/deep-dive.md' },
          { title: 'Old page', url: 'advanced/gone.md' },
        ],
      },
      { title: 'API reference', url: 'https://api.example.org/' },
      { title: 'Blog', url: '/blog/' },
    ]);
  });

  it('lists markdown_extensions with their options whatever the form, MkDocs’ built-ins first', () => {
    const extensions = settingsOf('full').markdownExtensions;
    expect(Object.keys(extensions)).toEqual([
      'toc',
      'tables',
      'fenced_code',
      'admonition',
      'attr_list',
      'md_in_html',
      'footnotes',
      'pymdownx.emoji',
      'pymdownx.superfences',
      'pymdownx.snippets',
    ]);
    expect(extensions['toc']).toEqual({
      permalink: true,
      toc_depth: 3,
      slugify: { '!!python/object/apply:pymdownx.slugs.slugify': { kwds: { case: 'lower' } } },
    });
    expect(extensions['pymdownx.emoji']).toEqual({
      emoji_index: '!!python/name:materialx.emoji.twemoji',
      emoji_generator: '!!python/name:materialx.emoji.to_svg',
    });
    // `!relative $docs_dir` is the content folder; YAML 1.1 reads `yes` as true, as PyYAML does.
    expect(extensions['pymdownx.snippets']).toEqual({
      base_path: path.join(FIXTURES, 'full/site-docs'),
      check_paths: true,
    });
    expect(extensions['footnotes']).toEqual({});
  });

  it('resolves !ENV from the environment, the first variable set, else the fallback', () => {
    expect(settingsOf('full', {}, { KB_TEST_SITE_NAME: 'From the environment' }).name).toBe(
      'From the environment',
    );
    expect(settingsOf('full', {}, { KB_TEST_DESCRIPTION: 'Described' }).description).toBe('Described');
    const env = { FIRST: '', SECOND: 'true' };
    const yaml = loadMkdocsYaml('a: !ENV [UNSET, SECOND, fallback]\nb: !ENV [UNSET, 42]\nc: !ENV [FIRST]\n', {
      env,
      configDir: '/p',
    });
    expect(yaml.value).toEqual({ a: true, b: 42, c: '' });
  });

  it('reads YAML as PyYAML does: merge keys, a repeated key wins, unknown tags kept and listed', () => {
    const yaml = loadMkdocsYaml(
      'base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nk: 1\nk: 2\nt: !custom value\nr: !relative $config_dir\no: !!python/object:x.Y {a: 1}\nwords: [y, n, yes, off]\n',
      { env: {}, configDir: '/project' },
    );
    expect(yaml.value).toEqual({
      base: { x: 1, y: 2 },
      m: { x: 1, y: 3 },
      k: 2,
      t: '!custom value',
      r: '/project',
      o: { '!!python/object:x.Y': { a: 1 } },
      words: ['y', 'n', true, false],
    });
    expect(yaml.unknownTags).toEqual([{ path: ['t'], tag: '!custom', place: { line: 7, column: 12 } }]);
  });

  it('takes contentDir from the settings file, or the path of mkdocs.yml itself', () => {
    expect(resolveSettings({ contentDir: 'minimal' }, FIXTURES).contentDir).toBe(
      path.join(FIXTURES, 'minimal/docs'),
    );
    expect(resolveSettings({}, FIXTURES, { KB_CONTENT_DIR: 'minimal/mkdocs.yml' }).contentDir).toBe(
      path.join(FIXTURES, 'minimal/docs'),
    );
  });

  it('treats a folder without mkdocs.yml as the content folder, as before', () => {
    const settings = resolveSettings({ name: 'Plain' }, FIXTURES, { KB_CONTENT_DIR: 'full/site-docs' });
    expect(settings.contentDir).toBe(path.join(FIXTURES, 'full/site-docs'));
    expect(settings.mkdocs).toBeUndefined();
    expect(settings.markdownExtensions).toEqual(DEFAULT_MARKDOWN_EXTENSIONS);
  });

  it('lets src/site.config.ts override mkdocs.yml, extensions by name, and KB_SITE_URL both', () => {
    const settings = settingsOf(
      'full',
      { name: 'Overridden', primaryColor: '#123456', markdownExtensions: { toc: { permalink: '#' } } },
      { KB_SITE_URL: 'https://preview.example.net/kb/' },
    );
    expect(settings).toMatchObject({
      name: 'Overridden',
      primaryColor: '#123456',
      url: 'https://preview.example.net',
      base: '/kb/',
      author: 'Ada Example',
    });
    expect(settings.markdownExtensions['toc']).toEqual({ permalink: '#' });
    expect(settings.markdownExtensions['pymdownx.superfences']).toEqual({});
  });

  it('derives the repository name and edit link as MkDocs does, and keeps MkDocs’ defaults', () => {
    expect(settingsOf('minimal')).toMatchObject({
      name: 'Minimal Answers',
      repo: { url: 'https://gitlab.com/example/minimal', name: 'GitLab' },
      editUrl: 'https://gitlab.com/example/minimal/edit/master/docs/{path}',
      markdownExtensions: { toc: {}, tables: {}, fenced_code: {} },
      base: '/',
    });
    expect(settingsOf('minimal').notices).toEqual([]);
  });

  it('merges an INHERIT parent under the file, mapping by mapping', () => {
    expect(settingsOf('inherit')).toMatchObject({
      name: 'Child Answers',
      author: 'Base Author',
      language: 'fr',
      primaryColor: '#009485',
      markdownExtensions: { toc: {}, tables: {}, fenced_code: {}, admonition: {} },
    });
  });
});

describe('what mkdocs.yml sets and the site cannot honour', () => {
  it('gets one notice per key, at its line, saying what happens instead', () => {
    expect(settingsOf('full').notices.map(formatNotice)).toMatchInlineSnapshot(`
      [
        "full/mkdocs.yml:24:9  notice  **nav.Advanced.Old page**: \`advanced/gone.md\` is not a file of the content folder; MkDocs shows it as a link, and so does the site",
        "full/mkdocs.yml:33:3  notice  **theme.palette**: several palettes: the first one's primary colour is used; the site has its own light and dark schemes and toggle",
        "full/mkdocs.yml:36:7  notice  **theme.palette.0.accent**: not supported: links and buttons use the primary colour",
      ]
    `);
    expect(settingsOf('unsupported').notices.map(formatNotice)).toMatchInlineSnapshot(`
      [
        "unsupported/mkdocs.yml:2:1  notice  **site_nmae**: is not a MkDocs setting; ignored; did you mean \`site_name\`?",
        "unsupported/mkdocs.yml:3:1  notice  **site_dir**: not supported: the site is written to \`dist/\` (or \`KB_OUT_DIR\`)",
        "unsupported/mkdocs.yml:4:1  notice  **use_directory_urls**: not supported: pages are always published at \`/topic/page/\`, as MkDocs publishes them with \`use_directory_urls: true\`",
        "unsupported/mkdocs.yml:5:1  notice  **strict**: not supported: \`npm run check\` always stops on errors; warnings never fail unless \`--max-warnings\` is given",
        "unsupported/mkdocs.yml:6:1  notice  **google_analytics**: not supported: Material 8 ignores this MkDocs option too; set \`extra.analytics\`",
        "unsupported/mkdocs.yml:7:1  notice  **hooks**: not supported: Python hooks cannot run; a remark plugin or an Astro integration does such work here",
        "unsupported/mkdocs.yml:9:1  notice  **watch**: not supported: \`npm run dev\` watches the content folder and the site’s own files",
        "unsupported/mkdocs.yml:11:1  notice  **validation**: not supported: links are checked by \`npm run check\` with its own rules; set their levels in \`rules\` in src/site.config.ts",
        "unsupported/mkdocs.yml:16:3  notice  **theme.custom_dir**: not supported: theme overrides are Jinja templates, which cannot run; set site-wide values in src/site.config.ts and change pages in src/components/ and src/layouts/ (see "Moving from Material for MkDocs")",
        "unsupported/mkdocs.yml:17:3  notice  **theme.features**: not supported (navigation.tabs): the layout is fixed: search, a table of contents, copy buttons and light and dark schemes are built in (\`content.code.annotate\` is honoured)",
        "unsupported/mkdocs.yml:20:3  notice  **theme.font**: not supported: the site uses its own fonts",
        "unsupported/mkdocs.yml:23:5  notice  **theme.palette.primary**: \`custom\` comes from extra CSS; set \`primaryColor\` in src/site.config.ts to the colour it defines",
        "unsupported/mkdocs.yml:24:5  notice  **theme.palette.accent**: not supported: links and buttons use the primary colour",
        "unsupported/mkdocs.yml:25:5  notice  **theme.palette.scheme**: not supported: the site follows the reader's light or dark preference, with its own toggle",
        "unsupported/mkdocs.yml:28:5  notice  **plugins.tags**: not supported: tags come from each article’s \`tags\` frontmatter and can be filtered in search",
        "unsupported/mkdocs.yml:29:5  notice  **plugins.material/blog**: not supported: there is no blog; articles are questions grouped by topic",
        "unsupported/mkdocs.yml:30:5  notice  **plugins.my-own-plugin**: not supported: MkDocs plugins are Python and cannot run here; ignored",
        "unsupported/mkdocs.yml:33:3  notice  **extra.social**: not supported: social links in the footer are not shown; add them to the footer component",
        "unsupported/mkdocs.yml:36:3  notice  **extra.generator**: not supported: the footer never names the generator",
        "unsupported/mkdocs.yml:37:3  notice  **extra.my_template_value**: is read by theme templates, which cannot run here; ignored",
        "unsupported/mkdocs.yml:39:5  notice  **extra.analytics.provider**: \`matomo\` is not supported; only \`google\` is, as in Material",
        "unsupported/mkdocs.yml:43:7  notice  **markdown_extensions.toc.slugify**: the Python function \`my_project.slugs.slugify\` cannot run here; ids are made by Python-Markdown's default \`markdown.extensions.toc.slugify\`, so links to headings may differ from the MkDocs site",
        "unsupported/mkdocs.yml:45:7  notice  **markdown_extensions.pymdownx.details.marker**: the YAML tag \`!custom\` means nothing here; the value is kept as text",
      ]
    `);
  });
});

describe('errors in mkdocs.yml', () => {
  it('name the file, line and column of broken YAML', () => {
    expect(errorOf('broken-yaml')).toMatchInlineSnapshot(`
      "Invalid site settings in broken-yaml/mkdocs.yml:
      broken-yaml/mkdocs.yml:3:9: the YAML is not valid: Nested mappings are not allowed in compact mappings"
    `);
  });

  it('name the key and quote the value of every wrong value, in the order of the file', () => {
    expect(errorOf('bad-values')).toMatchInlineSnapshot(`
      "Invalid site settings in bad-values/mkdocs.yml:
      bad-values/mkdocs.yml:1:12: **site_name**: expected text, received \`42\`
      bad-values/mkdocs.yml:2:11: **docs_dir**: expected the folder of the Markdown files, received \`documents\`, which does not exist
      bad-values/mkdocs.yml:5:5: **nav.1**: expected a page, \`Title: page.md\` or \`Section: [...]\`, received \`[ "not", "an", "entry" ]\`
      bad-values/mkdocs.yml:6:12: **extra_css**: expected a list of paths, received \`style.css\`
      bad-values/mkdocs.yml:8:10: **markdown_extensions.toc**: expected the options of \`toc\` as a mapping, received \`permalink\`"
    `);
  });

  it('name the mkdocs.yml key when a value it supplied fails the settings’ checks', () => {
    expect(errorOf('bad-url')).toMatchInlineSnapshot(`
      "Invalid site settings in bad-url/mkdocs.yml:
      bad-url/mkdocs.yml:2:11: **site_url**: expected the site's public address, such as \`https://example.org\` or \`https://example.org/kb/\`, received \`example.org/kb/\`
      bad-url/mkdocs.yml:5:13: **theme.language**: expected a language tag such as \`en\` or \`pt-BR\`, received \`Portuguese\`"
    `);
  });

  it('blame the settings file, not mkdocs.yml, for a value the settings file overrides', () => {
    expect(() => settingsOf('bad-url', { url: 'https://example.org/kb/', language: 'english' }))
      .toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: Invalid site settings in src/site.config.ts:
      **language**: expected a language tag such as \`en\` or \`pt-BR\`, received \`english\`]
    `);
  });
});

describe('edit links', () => {
  it('put the page’s path into the pattern, as edit_uri_template does', () => {
    const pattern = editUrlPattern({
      repoUrl: 'https://github.com/o/r',
      editUriTemplate: 'blob/main/docs/{path_noext}.md?plain=1&file={path!q}',
    })!;
    expect(pattern).toBe('https://github.com/o/r/blob/main/docs/{path_noext}.md?plain=1&file={path!q}');
    expect(editUrlFor(pattern, 'topic/a page.md')).toBe(
      'https://github.com/o/r/blob/main/docs/topic/a page.md?plain=1&file=topic%2Fa%20page.md',
    );
  });

  it('join edit_uri to repo_url as urljoin does, and show none when edit_uri is empty', () => {
    expect(editUrlPattern({ repoUrl: 'https://github.com/o/r/', editUri: '/o/r/edit/dev/docs' })).toBe(
      'https://github.com/o/r/edit/dev/docs/{path}',
    );
    expect(editUrlPattern({ repoUrl: 'https://git.example.com/o/r', editUri: '?path=' })).toBe(
      'https://git.example.com/o/r?path=/{path}',
    );
    expect(editUrlPattern({ repoUrl: 'https://github.com/o/r', editUri: '' })).toBeUndefined();
    expect(editUrlPattern({ repoUrl: 'https://git.example.com/o/r' })).toBeUndefined();
  });
});
