import { registerEnumType } from 'type-graphql';

export enum DeliveryKind {
  CONFIRMATION = 'CONFIRMATION',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  REMINDER = 'REMINDER',
  DECISION = 'DECISION',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(DeliveryKind, {
  name: 'DeliveryKind',
  description: 'What a delivery carries.',
  valuesConfig: {
    CONFIRMATION: { description: 'The double opt-in mail of a new e-mail subscription.' },
    ANNOUNCEMENT: { description: 'A published announcement.' },
    REMINDER: {
      description: 'A reminder of a deadline: a grant round, season, sign-up or survey.',
    },
    DECISION: {
      description:
        'A decision that concerns an association: its reservation confirmed, rejected or cancelled, its grant application decided, a waiting-list place given.',
    },
  },
});

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Queued, or failed and waiting for its next try.' },
    SENT: { description: 'Accepted by the mail server or the webhook receiver.' },
    FAILED: { description: 'Given up after every retry; the error is kept.' },
    CANCELLED: { description: 'Not sent: the subscription ended or the webhook was disabled.' },
  },
});
