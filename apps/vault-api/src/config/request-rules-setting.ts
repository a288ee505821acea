import { positiveInteger } from './positive-integer';

/** How much time the bank gives a customer before it may count an ask as overdue, or act on it. */
export interface RequestRules {
  /** The earliest due date a department may set, in business days from today. */
  readonly minDueBusinessDays: number;
  /** Days that must pass after the customer was first told of an ask before an escalation may be recorded. */
  readonly escalationNoticeDays: number;
}

export function requestRulesSetting(env: NodeJS.ProcessEnv): RequestRules {
  return {
    minDueBusinessDays: positiveInteger(env, 'VAULT_REQUEST_MIN_DUE_BUSINESS_DAYS', 10),
    escalationNoticeDays: positiveInteger(env, 'VAULT_ESCALATION_NOTICE_DAYS', 14),
  };
}
