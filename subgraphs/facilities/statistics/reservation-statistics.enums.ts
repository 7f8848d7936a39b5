import { registerEnumType } from 'type-graphql';

export enum ReservationGrouping {
  FACILITY = 'FACILITY',
  SPACE_TYPE = 'SPACE_TYPE',
  MONTH = 'MONTH',
}

registerEnumType(ReservationGrouping, {
  name: 'ReservationGrouping',
  description:
    'What reservation statistics are grouped by; several together group by their combinations.',
  valuesConfig: {
    FACILITY: { description: 'The facility (building) of the space.' },
    SPACE_TYPE: { description: 'The kind of space: hall, gym, meeting room…' },
    MONTH: { description: 'The Helsinki month the reservation starts in, "YYYY-MM".' },
  },
});
