import { ArgsType, Field, Int } from 'type-graphql';

/** Relay paging arguments; lists add their own `filter` and `orderBy` beside these. */
@ArgsType()
export class PageArgsType {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size from the start, 20 by default, at most 100.',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size from the end, at most 100.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor before which the page ends.' })
  before?: string | null;
}
