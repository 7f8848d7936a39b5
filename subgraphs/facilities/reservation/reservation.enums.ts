import { registerEnumType } from 'type-graphql';

/** REQUESTED → CONFIRMED | REJECTED; REQUESTED or CONFIRMED → CANCELLED; nothing else. */
export enum ReservationStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ReservationStatus, {
  name: 'ReservationStatus',
  description:
    'Where a reservation is: REQUESTED → CONFIRMED or REJECTED; REQUESTED or CONFIRMED → CANCELLED. Requested and confirmed reservations hold their time.',
  valuesConfig: {
    REQUESTED: { description: 'Asked for; waits for staff (the time is held meanwhile).' },
    CONFIRMED: { description: 'Confirmed by staff or by the booking system.' },
    REJECTED: { description: 'Turned down by staff; the time is free again.' },
    CANCELLED: { description: 'Cancelled by the association or staff; the time is free again.' },
  },
});

export enum ReservationDecision {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}

registerEnumType(ReservationDecision, {
  name: 'ReservationDecision',
  description: "Staff's answer to a requested reservation.",
  valuesConfig: {
    CONFIRM: { description: 'Confirm the reservation.' },
    REJECT: { description: 'Turn it down (say why in the note).' },
  },
});

export enum ReservationOrder {
  STARTS_AT = 'STARTS_AT',
  STARTS_AT_DESC = 'STARTS_AT_DESC',
}

registerEnumType(ReservationOrder, {
  name: 'ReservationOrder',
  description: 'How a list of reservations is ordered.',
  valuesConfig: {
    STARTS_AT: { description: 'Earliest first.' },
    STARTS_AT_DESC: { description: 'Latest first.' },
  },
});
