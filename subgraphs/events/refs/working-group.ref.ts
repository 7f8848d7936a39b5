import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A working group as the events subgraph sees it: only its id. The cooperation subgraph
 * owns it; this subgraph adds its meetings.
 */
@Directive('@key(fields: "id")')
@ObjectType('WorkingGroup', {
  description: ENTITY_DESCRIPTIONS.WorkingGroup,
})
export class WorkingGroupRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
