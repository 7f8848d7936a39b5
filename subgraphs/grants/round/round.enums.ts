import { registerEnumType } from 'type-graphql';

export enum RoundStatus {
  UPCOMING = 'UPCOMING',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  DECIDED = 'DECIDED',
}

registerEnumType(RoundStatus, {
  name: 'RoundStatus',
  description: 'Where an application round is.',
  valuesConfig: {
    UPCOMING: { description: 'Not open yet.' },
    OPEN: { description: 'Applications are taken now.' },
    CLOSED: { description: 'Closed; applications are being handled.' },
    DECIDED: { description: 'Closed and every submitted application decided.' },
  },
});
