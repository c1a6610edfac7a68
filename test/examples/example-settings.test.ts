import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/settings/settings.ts';

const base = { name: 'A site' };

describe('the `examples` settings', () => {
  it('default to nothing set, and keep what a site sets', () => {
    expect(resolveSettings(base, '/project').examples).toEqual({});
    const examples = {
      timeout: '20s',
      environments: { python: { interpreter: '.venv/bin/python', requirements: 'requirements.txt' } },
      typecheck: { noUncheckedIndexedAccess: true },
    };
    expect(resolveSettings({ ...base, examples }, '/project').examples).toEqual(examples);
  });

  it('name the path and the value expected when a value is wrong', () => {
    expect(() =>
      resolveSettings(
        {
          ...base,
          examples: {
            timeout: 'soon',
            environments: { python: { interpreter: '' } },
          },
        },
        '/project',
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: Invalid site settings in src/site.config.ts:
      **examples.timeout**: expected a duration such as \`10s\` or \`500ms\`, received \`soon\`
      **examples.environments.python.interpreter**: expected a program, such as \`.venv/bin/python\`, received \`""\`]
    `);
  });
});
