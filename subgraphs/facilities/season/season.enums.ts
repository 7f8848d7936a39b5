import { registerEnumType } from 'type-graphql';

export enum SeasonWindow {
  UPCOMING = 'UPCOMING',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(SeasonWindow, {
  name: 'SeasonWindow',
  description: 'Whether applications for a booking season are being taken.',
  valuesConfig: {
    UPCOMING: { description: 'The application window has not opened yet.' },
    OPEN: { description: 'Applications are taken now.' },
    CLOSED: { description: 'The window has closed; staff allocate.' },
  },
});

export enum SeasonApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  ALLOCATED = 'ALLOCATED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(SeasonApplicationStatus, {
  name: 'SeasonApplicationStatus',
  description: 'Where an application for a recurring weekly slot is.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for allocation.' },
    ALLOCATED: { description: 'Given a space: its weekly reservations exist.' },
    DECLINED: { description: 'No space could be given.' },
    WITHDRAWN: { description: 'Withdrawn by the association.' },
  },
});

export enum SeasonClashReason {
  RESERVED = 'RESERVED',
  BLOCKED = 'BLOCKED',
  CLOSED = 'CLOSED',
  PAST = 'PAST',
}

registerEnumType(SeasonClashReason, {
  name: 'SeasonClashReason',
  description: 'Why one week of a seasonal allocation could not be reserved.',
  valuesConfig: {
    RESERVED: { description: 'Someone already holds the time.' },
    BLOCKED: { description: 'Busy in the booking system, or blocked by staff.' },
    CLOSED: { description: 'The facility is closed that day or at that time.' },
    PAST: { description: 'The week had gone by when the slot was allocated.' },
  },
});
