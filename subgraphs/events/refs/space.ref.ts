import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to a bookable space, which the facilities subgraph owns and resolves. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Space', { description: 'A bookable space; owned by the facilities subgraph.' })
export class SpaceRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
