import type { RuleId, Severity } from './rule-ids.ts';

/** A diagnostic before it knows its file and severity: what a check reports about one document. */
export interface Finding {
  line: number;
  column: number;
  ruleId: RuleId;
  message: string;
  /** This occurrence's severity, when it is not the rule's default. */
  severity?: Severity;
}
