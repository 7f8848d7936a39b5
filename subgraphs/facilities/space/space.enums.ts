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
