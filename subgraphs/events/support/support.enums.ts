import { registerEnumType } from 'type-graphql';

export enum SupportPartKind {
  SPACE = 'SPACE',
  EQUIPMENT = 'EQUIPMENT',
  GRANT = 'GRANT',
}

registerEnumType(SupportPartKind, {
  name: 'SupportPartKind',
  description: 'What one part of an event support request asks of the city.',
  valuesConfig: {
    SPACE: { description: 'A city space for the event, with time to set up and clear away.' },
    EQUIPMENT: { description: 'Equipment from the lending pool (välineistö).' },
    GRANT: { description: 'An event grant (tapahtuma-avustus) from an open round.' },
  },
});

export enum SupportPartStatus {
  PENDING = 'PENDING',
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  REFUSED = 'REFUSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SupportPartStatus, {
  name: 'SupportPartStatus',
  description: 'Where one part of an event support request is.',
  valuesConfig: {
    PENDING: { description: 'Sent to the service that owns it, not yet answered (seconds).' },
    REQUESTED: { description: 'Made (a reservation, loan or application) and awaiting staff.' },
    CONFIRMED: { description: 'Granted by staff (a grant also in part).' },
    REJECTED: { description: 'Staff said no; `reason` says why.' },
    REFUSED: {
      description:
        'Could not be made as asked (the space busy, the round closed …); `reason` names the field and the rule.',
    },
    CANCELLED: { description: 'Cancelled after it was made.' },
  },
});

/** Statuses a part no longer leaves by a decision (a confirmed one may still be cancelled). */
export const SETTLED: ReadonlySet<SupportPartStatus> = new Set([
  SupportPartStatus.CONFIRMED,
  SupportPartStatus.REJECTED,
  SupportPartStatus.REFUSED,
  SupportPartStatus.CANCELLED,
]);

/**
 * Which moves a part may make. Answers and decisions arrive at least once and, under
 * retries, possibly late: a move not listed (a repeat, or an answer after the decision it
 * led to) changes nothing.
 */
export const PART_MOVES: Readonly<Record<SupportPartStatus, readonly SupportPartStatus[]>> = {
  PENDING: [
    SupportPartStatus.REQUESTED,
    SupportPartStatus.REFUSED,
    SupportPartStatus.CONFIRMED,
    SupportPartStatus.REJECTED,
    SupportPartStatus.CANCELLED,
  ],
  REQUESTED: [SupportPartStatus.CONFIRMED, SupportPartStatus.REJECTED, SupportPartStatus.CANCELLED],
  CONFIRMED: [SupportPartStatus.CANCELLED],
  REJECTED: [],
  REFUSED: [],
  CANCELLED: [],
};

export enum SupportRequestStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DECIDED = 'DECIDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SupportRequestStatus, {
  name: 'SupportRequestStatus',
  description: 'Where an event support request is as a whole.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Some part is still pending or awaiting staff.' },
    DECIDED: { description: 'Every part is decided (or refused); the association was told.' },
    CANCELLED: {
      description:
        'The association cancelled the whole request; what was made for it is cancelled (a grant already decided stays as decided).',
    },
  },
});
