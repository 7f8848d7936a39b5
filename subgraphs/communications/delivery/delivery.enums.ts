import { registerEnumType } from 'type-graphql';

export enum DeliveryKind {
  CONFIRMATION = 'CONFIRMATION',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  REMINDER = 'REMINDER',
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
