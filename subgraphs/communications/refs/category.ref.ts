import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A directory category as the communications subgraph sees it: only its id. The
 * associations subgraph owns it; audiences of announcements and subscriptions point at it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Category', {
  description: ENTITY_DESCRIPTIONS.Category,
})
export class CategoryRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}
