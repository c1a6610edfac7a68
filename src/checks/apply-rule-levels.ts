import type { Diagnostic, Severity } from './diagnostics.ts';
import type { RuleId } from './rule-ids.ts';

/** A rule's level in the site settings. */
export type RuleLevel = 'off' | Severity;

/** Applies the site's rule levels: a rule set to `off` is dropped, one set to a severity takes it. */
export function applyRuleLevels(
  diagnostics: readonly Diagnostic[],
  rules: Partial<Record<RuleId, RuleLevel>> | undefined,
): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const level = rules?.[diagnostic.ruleId];
    if (level === 'off') return [];
    return [level ? { ...diagnostic, severity: level } : diagnostic];
  });
}
