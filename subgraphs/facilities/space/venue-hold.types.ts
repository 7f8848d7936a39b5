import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { VenueCheck } from './space.types';

/** How a request to hold a space for events ended. */
export enum VenueHoldOutcome {
  HELD = 'HELD',
  NO_SUCH_SPACE = 'NO_SUCH_SPACE',
  DOES_NOT_FIT = 'DOES_NOT_FIT',
  TAKEN_MEANWHILE = 'TAKEN_MEANWHILE',
}

registerEnumType(VenueHoldOutcome, {
  name: 'VenueHoldOutcome',
  description: 'How a request to hold a space for events ended.',
  valuesConfig: {
    HELD: { description: 'Every occurrence is held (pending until the events are published).' },
    NO_SUCH_SPACE: { description: 'No city space has this id; nothing is held.' },
    DOES_NOT_FIT: {
      description: 'At least one occurrence does not fit (see its check); nothing is held.',
    },
    TAKEN_MEANWHILE: {
      description:
        'Another request took part of the time while this one was being held; nothing is held. The loser of a race gets this.',
    },
  },
});

@ObjectType({ description: "One occurrence's verdict in a request to hold a space." })
export class VenueHoldOccurrence {
  @Field(() => ID, { description: 'The event this occurrence is.' })
  eventId!: string;

  @Field(() => VenueCheck, { description: 'Whether it fits the space, and if not, why.' })
  check!: VenueCheck;
}

@ObjectType({
  description:
    "An event's hold on a city space, asked for by the events subgraph while it publishes the event. A hold is pending until the facilities subgraph sees the event published, then firm; a pending hold whose event never appears lapses at `expiresAt`.",
})
export class VenueHold {
  @Field(() => VenueHoldOutcome, { description: 'Held, or why not.' })
  outcome!: VenueHoldOutcome;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the pending holds lapse unless their events are published; null unless HELD.',
  })
  expiresAt!: Date | null;

  @Field(() => [VenueHoldOccurrence], {
    description: 'Each occurrence with its verdict, in the order asked (empty for NO_SUCH_SPACE).',
  })
  occurrences!: VenueHoldOccurrence[];
}
