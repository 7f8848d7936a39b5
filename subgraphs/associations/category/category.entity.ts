import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';

// An entity, so other subgraphs (communications: an announcement's audience) can point at one.
@Directive('@key(fields: "id")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.Category,
})
@Entity({ name: 'category' })
export class Category {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, {
    description: 'Short stable name for URLs, e.g. "sports"; lower-case letters, digits, dashes.',
  })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => LocalizedText, { description: 'Name of the category.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What belongs in this category.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;

  /**
   * Set by `Query.categories`, which counts under the caller's filter; elsewhere the field
   * resolver counts every association in the category.
   */
  associationCount?: number;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
