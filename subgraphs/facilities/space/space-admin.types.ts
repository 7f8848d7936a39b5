import { Field, ObjectType } from 'type-graphql';
import { Reservation } from '../reservation/reservation.entity';
import { BlockedTime } from './blocked-time.entity';

@ObjectType({
  description: 'A block staff set, and the reservations it falls on (not cancelled by it).',
})
export class SpaceBlock {
  @Field(() => BlockedTime, { description: 'The block.' })
  block!: BlockedTime;

  @Field(() => [Reservation], {
    description:
      'Requested or confirmed reservations in that time: staff decide what happens to them.',
  })
  overlappingReservations!: Reservation[];
}
