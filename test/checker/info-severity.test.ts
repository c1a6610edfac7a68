import { describe, expect, it } from 'vitest';
import { applyRuleLevels } from '../../src/checks/rule-levels.ts';
import { countBySeverity, type Diagnostic } from '../../src/checks/diagnostics.ts';
import { formatGithub } from '../../src/checks/formatters/github.ts';
import { formatHuman } from '../../src/checks/formatters/human.ts';
import { formatJson } from '../../src/checks/formatters/json.ts';

const diagnostics: Diagnostic[] = [
  {
    file: 'content/a.md',
    line: 12,
    column: 1,
    severity: 'info',
    message:
      'this block uses `shout`, which the block at line 9 defines; add `continue` to its fence to say so',
    ruleId: 'example-fragment',
  },
  {
    file: 'content/a.md',
    line: 20,
    column: 1,
    severity: 'warning',
    message: 'the example printed something different on a second run',
    ruleId: 'example-output-unstable',
  },
];

describe('info notes', () => {
  it('count neither as errors nor as warnings', () => {
    expect(countBySeverity(diagnostics)).toEqual({ errors: 0, warnings: 1, infos: 1 });
  });

  it('show as `info` for a person, a `notice` for GitHub, and `info` in JSON', () => {
    expect(formatHuman(diagnostics, { color: false, fileCount: 1 })).toMatchInlineSnapshot(`
      "content/a.md:12:1  info  this block uses \`shout\`, which the block at line 9 defines; add \`continue\` to its fence to say so  example-fragment
      content/a.md:20:1  warning  the example printed something different on a second run  example-output-unstable

      1 file, 0 errors, 1 warning
      "
    `);
    expect(formatGithub(diagnostics, 1)).toMatchInlineSnapshot(`
      "::notice file=content/a.md,line=12,col=1,title=example-fragment::this block uses \`shout\`, which the block at line 9 defines; add \`continue\` to its fence to say so
      ::warning file=content/a.md,line=20,col=1,title=example-output-unstable::the example printed something different on a second run
      1 file, 0 errors, 1 warning
      "
    `);
    expect(JSON.parse(formatJson(diagnostics))[0].severity).toBe('info');
  });

  it('take the level a site sets, like any rule', () => {
    expect(
      applyRuleLevels(diagnostics, { 'example-fragment': 'off', 'example-output-unstable': 'error' }),
    ).toEqual([{ ...diagnostics[1], severity: 'error' }]);
  });
});
