import type { RuleId } from './rule-ids.ts';

/** A diagnostic before it knows its file and severity: what a check reports about one document. */
export interface Finding {
  line: number;
  column: number;
  ruleId: RuleId;
  message: string;
}
