import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * What a part of an event support request made, as the events subgraph sees it: only its
 * id. The grants subgraph owns it and answers it only to those who may see it.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('GrantApplication', { description: ENTITY_DESCRIPTIONS.GrantApplication })
export class GrantApplicationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
