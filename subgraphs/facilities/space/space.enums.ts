import { registerEnumType } from 'type-graphql';

export enum SpaceType {
  MEETING_ROOM = 'MEETING_ROOM',
  HALL = 'HALL',
  GYM = 'GYM',
  FIELD = 'FIELD',
  KITCHEN = 'KITCHEN',
  WORKSHOP = 'WORKSHOP',
  CLUB_ROOM = 'CLUB_ROOM',
  OTHER = 'OTHER',
}

registerEnumType(SpaceType, {
  name: 'SpaceType',
  description: 'What kind of space a bookable space is.',
  valuesConfig: {
    MEETING_ROOM: { description: 'A meeting or classroom.' },
    HALL: { description: 'An assembly or event hall.' },
    GYM: { description: 'A gym or sports hall.' },
    FIELD: { description: 'An outdoor field or court.' },
    KITCHEN: { description: 'A teaching or event kitchen.' },
    WORKSHOP: { description: 'A craft, music or other workshop space.' },
    CLUB_ROOM: { description: 'A club or youth room.' },
    OTHER: { description: 'Any other space.' },
  },
});

export enum BookingSystemKind {
  LOCAL = 'LOCAL',
  TIMMI = 'TIMMI',
  RESPA = 'RESPA',
  ICS = 'ICS',
}

registerEnumType(BookingSystemKind, {
  name: 'BookingSystemKind',
  description: 'The system of record for a space’s reservations.',
  valuesConfig: {
    LOCAL: { description: "The hub's own database." },
    TIMMI: {
      description:
        'TIMMI, read through its public WebTimmi calendar; requests are entered into TIMMI by staff.',
    },
    RESPA: { description: 'A Respa (6Aika resource reservation API) service such as Varaamo.' },
    ICS: {
      description: 'Busy times read from an iCalendar feed; requests are handled in the hub.',
    },
  },
});
