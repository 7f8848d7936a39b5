import { compareMoney } from '../../core/money';
import type { Validator } from '../../core/validation';
import { GrantApplicationStatus as S, GrantDecisionOutcome } from './application.enums';

/** Who moves an application: the applying association's representatives, or the program's staff. */
export type Actor = 'APPLICANT' | 'STAFF';

export type GrantAction = 'SUBMIT' | 'START_REVIEW' | 'DECIDE' | 'PAY' | 'REPORT' | 'WITHDRAW';

export interface TransitionRule {
  from: readonly S[];
  actor: Actor;
  /** Fixed target; DECIDE's target is the decision's outcome. */
  to: S | 'OUTCOME';
}

/** Every allowed move, and nothing else. */
export const TRANSITIONS: Readonly<Record<GrantAction, TransitionRule>> = {
  SUBMIT: { from: [S.DRAFT], actor: 'APPLICANT', to: S.SUBMITTED },
  START_REVIEW: { from: [S.SUBMITTED], actor: 'STAFF', to: S.IN_REVIEW },
  DECIDE: { from: [S.IN_REVIEW], actor: 'STAFF', to: 'OUTCOME' },
  PAY: { from: [S.APPROVED, S.PARTIALLY_APPROVED], actor: 'STAFF', to: S.PAID },
  REPORT: { from: [S.PAID], actor: 'APPLICANT', to: S.REPORTED },
  WITHDRAW: { from: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW], actor: 'APPLICANT', to: S.WITHDRAWN },
};

/**
 * The amounts a decision must have: an approval more than 0 and at most the requested
 * (a partial one less than requested), a rejection exactly 0. Exact, in cents.
 */
export function checkDecisionAmount(
  v: Validator,
  outcome: GrantDecisionOutcome,
  awarded: string,
  requested: string,
): void {
  const field = 'input.awardedAmount';
  if (outcome === GrantDecisionOutcome.REJECTED) {
    if (compareMoney(awarded, '0') !== 0)
      v.problem(field, 'ZERO_FOR_REJECTION', 'must be exactly 0 for a rejection');
    return;
  }
  if (compareMoney(awarded, '0') <= 0) {
    v.problem(field, 'POSITIVE_FOR_APPROVAL', 'must be more than 0 for an approval');
  } else if (compareMoney(awarded, requested) > 0) {
    v.problem(field, 'AT_MOST_REQUESTED', `must be at most the requested ${requested}`);
  } else if (
    outcome === GrantDecisionOutcome.PARTIALLY_APPROVED &&
    compareMoney(awarded, requested) === 0
  ) {
    v.problem(
      field,
      'LESS_FOR_PARTIAL',
      `a partial approval awards less than the requested ${requested}`,
    );
  }
}
