import { registerEnumType } from 'type-graphql';

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Where a sign-up is.',
  valuesConfig: {
    ENROLLED: { description: 'Has places.' },
    WAITLISTED: {
      description: 'On the waiting list; promoted first come, first served as places free up.',
    },
    CANCELLED: { description: 'Cancelled; the places went to the waiting list.' },
  },
});
