import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A service area as the facilities subgraph sees it: only its id. The associations
 * subgraph owns it; this subgraph adds the facilities the area owns.
 */
@Directive('@key(fields: "id")')
@ObjectType('ServiceArea', {
  description: ENTITY_DESCRIPTIONS.ServiceArea,
})
export class ServiceAreaRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
