import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * An association as the events subgraph sees it: only its id. The associations subgraph
 * owns every other field; this subgraph adds `events` to it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Association', { description: ENTITY_DESCRIPTIONS.Association })
export class AssociationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
