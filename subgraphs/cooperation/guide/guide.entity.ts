import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { LocalizedText } from '../../core/types/localized-text.type';
import { GuideAudience, GuideKind } from './guide.enums';

@Directive('@key(fields: "id")')
// Other subgraphs link to a guide by its slug (a space page to "tilaopas"): a second key.
@Directive('@key(fields: "slug")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Guide })
@Entity({ name: 'guide' })
export class Guide {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Address part, e.g. "yhdistysillan-huoneentaulu".' })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => GuideKind, { description: 'What it is.' })
  @Column({ type: 'text' })
  kind!: GuideKind;

  @Field(() => GuideAudience, { description: 'Whom it is written for.' })
  @Column({ type: 'text' })
  audience!: GuideAudience;

  @Field(() => LocalizedText, { description: 'Title.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { description: 'The text, in Markdown.' })
  @Column({ type: 'jsonb' })
  body!: LocalizedText;

  @Field(() => Int, { description: 'Place in the handbook’s table of contents.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => Int, { description: 'Version, from 1; grows when the title or text changes.' })
  @Column({ type: 'int' })
  version!: number;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'working_group_id', type: 'uuid', nullable: true })
  workingGroupId!: string | null;
}

@ObjectType({ description: 'One version of a guide, as it read then.' })
@Entity({ name: 'guide_version' })
export class GuideVersion {
  @PrimaryColumn({ name: 'guide_id', type: 'uuid' })
  guideId!: string;

  @Field(() => Int, { description: 'The version number.' })
  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Field(() => LocalizedText, { description: 'Title then.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { description: 'The text then, in Markdown.' })
  @Column({ type: 'jsonb' })
  body!: LocalizedText;

  @Field(() => Date, { description: 'When this version was written.' })
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
