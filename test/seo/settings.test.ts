import { describe, expect, it } from 'vitest';
import { requireSiteUrl, resolveSettings } from '../../src/settings/settings.ts';

function error(input: unknown, env: Record<string, string> = {}): string {
  try {
    resolveSettings(input, '/site', env);
  } catch (caught) {
    return (caught as Error).message;
  }
  throw new Error('expected the settings to be rejected');
}

describe('SEO settings', () => {
  it('takes defaults for everything but the name', () => {
    const settings = resolveSettings({ name: 'Site' }, '/site');
    expect(settings.url).toBeUndefined();
    expect(settings).toMatchObject({
      language: 'en',
      feedSize: 20,
      publisher: { type: 'Organization' },
      themeColor: { light: '#ffffff', dark: '#0d1117' },
    });
  });

  it('keeps the address without a trailing slash, and KB_SITE_URL wins over the file', () => {
    expect(resolveSettings({ name: 'S', url: 'https://example.org/' }, '/site').url).toBe(
      'https://example.org',
    );
    expect(
      resolveSettings({ name: 'S', url: 'https://example.org' }, '/site', {
        KB_SITE_URL: 'http://127.0.0.1:4321',
      }).url,
    ).toBe('http://127.0.0.1:4321');
  });

  it('names the path and quotes the value in every error', () => {
    expect(error({ name: 'S', url: 'example.org' })).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **url**: expected the site's public address, such as \`https://example.org\` or \`https://example.org/kb/\`, received \`example.org\`"
    `);
    expect(error({ name: 'S', url: 'https://example.org/docs/?page=1' })).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **url**: expected the site's public address, such as \`https://example.org\` or \`https://example.org/kb/\`, without \`?\` or \`#\`, received \`https://example.org/docs/?page=1\`"
    `);
    expect(
      error({
        name: 'S',
        feedSize: 2.5,
        language: 'English',
        image: { url: 'card.png', width: 1200, height: 630 },
        themeColor: { light: 'white', dark: '#000000' },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      **image.url**: expected an absolute URL or a site path such as \`/images/card.png\`, received \`card.png\`
      **language**: expected a language tag such as \`en\` or \`pt-BR\`, received \`English\`
      **feedSize**: expected a whole number of articles, received \`2.5\`
      **themeColor.light**: expected a colour such as \`#ffffff\`, received \`white\`"
    `);
    expect(error({ name: 'S' }, { KB_SITE_URL: 'nope' })).toMatchInlineSnapshot(`
      "Invalid site settings in the environment:
      **KB_SITE_URL**: expected the site's public address, such as \`https://example.org\` or \`https://example.org/kb/\`, received \`nope\`"
    `);
  });

  it('requires the address for a production build, saying so clearly', () => {
    expect(requireSiteUrl({ url: 'https://example.org' })).toBe('https://example.org');
    expect(() => requireSiteUrl({ url: undefined })).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: Invalid site settings in src/site.config.ts:
      **url**: expected the site's public address, such as \`https://example.org\` or \`https://example.org/kb/\`; a production build needs it for canonical URLs, the sitemap and the feed (or set KB_SITE_URL)]
    `);
  });
});
