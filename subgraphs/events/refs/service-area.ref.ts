import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to a service area, which the associations subgraph owns and resolves. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceArea', {
  description: ENTITY_DESCRIPTIONS.ServiceArea,
})
export class ServiceAreaRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
