import { registerEnumType } from 'type-graphql';

/**
 * DRAFT → SUBMITTED → IN_REVIEW → APPROVED | PARTIALLY_APPROVED | REJECTED;
 * an approval → PAID → REPORTED; WITHDRAWN by the applicant before a decision.
 */
export enum GrantApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  PAID = 'PAID',
  REPORTED = 'REPORTED',
}

registerEnumType(GrantApplicationStatus, {
  name: 'GrantApplicationStatus',
  description:
    'Where a grant application is: DRAFT → SUBMITTED → IN_REVIEW → APPROVED | PARTIALLY_APPROVED | REJECTED; an approval → PAID → REPORTED; WITHDRAWN before a decision.',
  valuesConfig: {
    DRAFT: { description: 'Being written by the association; not sent.' },
    SUBMITTED: { description: 'Sent while the round was open.' },
    IN_REVIEW: { description: 'Being handled by city staff.' },
    APPROVED: { description: 'Granted (awarded amount at most the requested).' },
    PARTIALLY_APPROVED: { description: 'Granted in part (less than requested).' },
    REJECTED: { description: 'Not granted (awarded amount 0).' },
    WITHDRAWN: { description: 'Withdrawn by the association before a decision.' },
    PAID: { description: 'The awarded money has been paid.' },
    REPORTED: {
      description: 'The association has reported how the money was used (käyttöselvitys).',
    },
  },
});

/** The statuses in which a decision to award stands: public data from then on. */
export const AWARDED_STATUSES = [
  GrantApplicationStatus.APPROVED,
  GrantApplicationStatus.PARTIALLY_APPROVED,
  GrantApplicationStatus.PAID,
  GrantApplicationStatus.REPORTED,
] as const;

export enum GrantDecisionOutcome {
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(GrantDecisionOutcome, {
  name: 'GrantDecisionOutcome',
  description: 'What a decision on an application says.',
  valuesConfig: {
    APPROVED: {
      description: 'Granted; the awarded amount is more than 0 and at most the requested.',
    },
    PARTIALLY_APPROVED: { description: 'Granted in part; more than 0 and less than requested.' },
    REJECTED: { description: 'Not granted; the awarded amount is exactly 0.' },
  },
});

export enum BudgetLineKind {
  INCOME = 'INCOME',
  COST = 'COST',
  OTHER_FUNDING = 'OTHER_FUNDING',
}

registerEnumType(BudgetLineKind, {
  name: 'BudgetLineKind',
  description: 'What a line of an application’s budget is.',
  valuesConfig: {
    INCOME: { description: 'Income of the activity (fees, sales).' },
    COST: { description: 'A cost.' },
    OTHER_FUNDING: { description: 'Funding applied for or received from elsewhere.' },
  },
});
