import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCi, requireTool, type SystemTool } from './require-tool.ts';

const MISSING: SystemTool = {
  name: 'Frobnicator (/usr/bin/frob)',
  install: 'apt-get install frob',
  available: () => false,
};

describe('requireTool', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('runs the tests, silently, when the tool is there', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await requireTool({ ...MISSING, available: async () => true }, 'the frob tests')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('outside CI, skips them with one line naming the tests, the tool and how to install it', async () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await requireTool(MISSING, 'the frob tests')).toBe(false);
    expect(warn.mock.calls).toMatchInlineSnapshot(`
      [
        [
          "[skipped] the frob tests, because Frobnicator (/usr/bin/frob) is missing: apt-get install frob",
        ],
      ]
    `);
  });

  it('in CI, fails instead, unless CI does not install the tool either', async () => {
    vi.stubEnv('CI', 'true');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(requireTool(MISSING, 'the frob tests')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: Frobnicator (/usr/bin/frob) is missing: apt-get install frob. CI requires the frob tests, so it does not skip them.]`,
    );
    expect(await requireTool(MISSING, 'the frob tests', { optionalInCi: true })).toBe(false);
  });

  it('knows CI by `CI` set to anything but empty, `0` or `false`', () => {
    expect(['true', '1', 'yes', '', '0', 'false'].map((value) => isCi({ CI: value }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isCi({})).toBe(false);
  });
});
