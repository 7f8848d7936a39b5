import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A bookable space as the events subgraph sees it: only its id. The facilities subgraph
 * owns it; this subgraph adds the events coming up in it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Space', { description: ENTITY_DESCRIPTIONS.Space })
export class SpaceRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
