import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MilestoneKind } from './milestone.enums';
import { LocalizedText } from '../../core/types/localized-text.type';

const dateText = {
  to: (v: string) => v,
  from: (v: string | Date) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)),
};

@ObjectType({
  description:
    'A dated item of the cooperation year that is not an event: budget preparation, welfare report workshops, survey windows.',
})
@Entity({ name: 'milestone' })
export class Milestone {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What it means for associations.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => MilestoneKind, { description: 'What kind of milestone.' })
  @Column({ type: 'text' })
  kind!: MilestoneKind;

  @Field(() => String, { description: 'First day, "YYYY-MM-DD" (Helsinki).' })
  @Column({ name: 'starts_on', type: 'date', transformer: dateText })
  startsOn!: string;

  @Field(() => String, { description: 'Last day, "YYYY-MM-DD".' })
  @Column({ name: 'ends_on', type: 'date', transformer: dateText })
  endsOn!: string;

  @Column({ name: 'service_area_id', type: 'uuid', nullable: true })
  serviceAreaId!: string | null;

  @Field(() => String, { nullable: true, description: 'More information.' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => Int, { description: 'Grows when it changes (iCalendar SEQUENCE).' })
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
