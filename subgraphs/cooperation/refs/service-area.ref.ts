import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A service area as the cooperation subgraph sees it: only its id. The associations
 * subgraph owns it; this subgraph points at it from surveys and working groups.
 */
@Directive('@key(fields: "id")')
@ObjectType('ServiceArea', {
  description: ENTITY_DESCRIPTIONS.ServiceArea,
})
export class ServiceAreaRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
