import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * An association as the grants subgraph sees it: only its id. The associations subgraph
 * owns every other field; this subgraph adds what it was awarded and its applications.
 */
@Directive('@key(fields: "id")')
@ObjectType('Association', { description: ENTITY_DESCRIPTIONS.Association })
export class AssociationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
