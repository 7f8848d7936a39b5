import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * What a part of an event support request made, as the events subgraph sees it: only its
 * id. The facilities subgraph owns it and answers it only to those who may see it.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Reservation', { description: ENTITY_DESCRIPTIONS.Reservation })
export class ReservationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
