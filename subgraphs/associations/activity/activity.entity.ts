import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Field, ID, ObjectType, Int } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { TargetGroup } from './activity.enums';

@ObjectType({
  description:
    'A group or service an association runs (toiminta): a peer group, a club, advice. Part of what the city can point residents to.',
})
@Entity({ name: 'activity' })
export class Activity {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The association that runs it.' })
  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Field(() => LocalizedText, { description: 'Name of the activity.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'What happens there, in plain words.',
  })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => [TargetGroup], { description: 'Who it is for.' })
  @Column({ name: 'target_groups', type: 'text', array: true, default: () => "'{}'" })
  targetGroups!: TargetGroup[];

  @Field(() => [String], { description: 'Languages it runs in (ISO 639-1).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Field(() => Boolean, { description: 'True when taking part costs nothing.' })
  @Column({ name: 'is_free', type: 'boolean', default: true })
  isFree!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where, in plain text, e.g. "Kansalaistalo, Vapaudenkatu 10".',
  })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When, in plain text, e.g. "Tuesdays 17–19, September to May".',
  })
  @Column({ type: 'text', nullable: true })
  schedule!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Web page for more information (http or https).',
  })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When this activity was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
