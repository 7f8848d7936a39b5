import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to a service area, which the associations subgraph owns and resolves. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceArea', {
  description: 'A branch of the city organisation; owned by the associations subgraph.',
})
export class ServiceAreaRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
