import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/code-figures');
const fixtures = (await readdir(FIXTURES)).sort();

describe('code figures as the site renders them', () => {
  it('finds the fixtures', () => {
    expect(fixtures).toContain('example-with-title');
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures)('%s', async (name) => {
    const input = await readFile(path.join(FIXTURES, name, 'input.md'), 'utf8');
    const expected = await readFile(path.join(FIXTURES, name, 'output.html'), 'utf8');
    expect((await render(input)).html).toBe(expected.replace(/\n$/, ''));
  });
});
