import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A service area as the grants subgraph sees it: only its id. The associations subgraph
 * owns it; this subgraph adds the grant programs the area runs.
 */
@Directive('@key(fields: "id")')
@ObjectType('ServiceArea', {
  description: ENTITY_DESCRIPTIONS.ServiceArea,
})
export class ServiceAreaRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
