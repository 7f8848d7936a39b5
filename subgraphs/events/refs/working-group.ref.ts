import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A working group as the events subgraph sees it: only its id. The cooperation subgraph
 * owns it; this subgraph adds its meetings.
 */
@Directive('@key(fields: "id")')
@ObjectType('WorkingGroup', {
  description: 'A working group of the cooperation; owned by the cooperation subgraph.',
})
export class WorkingGroupRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
