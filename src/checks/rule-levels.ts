import type { Diagnostic, Severity } from './diagnostics.ts';
import type { RuleId } from './rule-ids.ts';

/** A rule's level in the site settings. */
export type RuleLevel = 'off' | Severity;

/** Rules switched off or set to another severity. */
export type RuleLevels = Partial<Record<RuleId, RuleLevel>>;

/** Applies the site's rule levels to diagnostics, from any checker: content, examples, external links. */
export function applyRuleLevels(
  diagnostics: readonly Diagnostic[],
  levels: RuleLevels | undefined,
): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const level = levels?.[diagnostic.ruleId];
    if (level === 'off') return [];
    return [level ? { ...diagnostic, severity: level } : diagnostic];
  });
}
