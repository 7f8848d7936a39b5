import { Field, ObjectType } from 'type-graphql';
import { Reservation } from '../reservation/reservation.entity';
import { SeasonApplication } from './season.entity';
import { SeasonClashReason } from './season.enums';

@ObjectType({ description: 'A week of a season whose slot could not be reserved, and why.' })
export class SeasonClash {
  @Field(() => String, { description: 'The local date, "YYYY-MM-DD".' })
  date!: string;

  @Field(() => Date, { description: 'Start of the slot that date.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the slot that date.' })
  endsAt!: Date;

  @Field(() => SeasonClashReason, { description: 'Why that week could not be reserved.' })
  reason!: SeasonClashReason;
}

@ObjectType({
  description:
    'What allocating a seasonal slot did: the weekly reservations made, and the weeks that clashed (reported, never silently dropped).',
})
export class SeasonAllocation {
  @Field(() => SeasonApplication, { description: 'The application, now ALLOCATED.' })
  application!: SeasonApplication;

  @Field(() => [Reservation], { description: 'The confirmed weekly reservations, in date order.' })
  reservations!: Reservation[];

  @Field(() => [SeasonClash], { description: 'Weeks that could not be reserved.' })
  clashes!: SeasonClash[];
}
