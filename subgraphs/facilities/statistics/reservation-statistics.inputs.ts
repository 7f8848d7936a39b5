import { Field, ID, InputType } from 'type-graphql';
import { SpaceType } from '../space/space.enums';

@InputType({
  description:
    'Which confirmed reservations by associations to count. Every given condition must hold.',
})
export class ReservationStatisticsFilter {
  @Field(() => Date, {
    nullable: true,
    description: 'Reservations starting at or after this moment.',
  })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Reservations starting before this moment.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'In any of these facilities.' })
  facilityIds?: string[] | null;

  @Field(() => [SpaceType], { nullable: true, description: 'In spaces of any of these types.' })
  spaceTypes?: SpaceType[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'In facilities of any of these service areas.',
  })
  serviceAreaIds?: string[] | null;
}
