import { closest } from '../core/did-you-mean.ts';
import type { ContentDocument } from '../model/load-document.ts';
import type { Diagnostic } from './diagnostics.ts';
import { RULE_ALIASES, RULES, ruleIdOf } from './rule-ids.ts';

/** `<!-- kb-ignore rule-id -->` silences that rule on its own line and the block after it. */
export function ignoredLines(documents: readonly ContentDocument[]): (diagnostic: Diagnostic) => boolean {
  const byFile = new Map(documents.map((doc) => [doc.displayPath, doc.facts?.ignores ?? []]));
  return (diagnostic) =>
    (byFile.get(diagnostic.file) ?? []).some(
      (ignore) =>
        ignore.rules.some((rule) => ruleIdOf(rule) === diagnostic.ruleId) &&
        diagnostic.line >= ignore.fromLine &&
        diagnostic.line <= ignore.toLine,
    );
}

/** An ignore comment that names no rule is a mistake worth a warning, with the closest rule. */
export function unknownIgnoreRules(doc: ContentDocument): Diagnostic[] {
  return (doc.facts?.ignores ?? []).flatMap((ignore) =>
    ignore.rules
      .filter((rule) => ruleIdOf(rule) === undefined)
      .map((rule) => ({
        file: doc.displayPath,
        line: ignore.line,
        column: ignore.column,
        severity: RULES['ignore-unknown-rule'].severity,
        ruleId: 'ignore-unknown-rule' as const,
        message: `\`${rule}\` is not a rule id${ruleSuggestion(rule) || '; the rules are listed in src/checks/rule-ids.ts'}`,
      })),
  );
}

/** A did-you-mean among the rules, where a near miss of an old name points to the rule it now is. */
function ruleSuggestion(rule: string): string {
  const match = closest(rule, [...Object.keys(RULES), ...Object.keys(RULE_ALIASES)]);
  return match === undefined ? '' : `; did you mean \`${ruleIdOf(match)}\`?`;
}
