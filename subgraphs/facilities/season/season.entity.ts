import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { SeasonApplicationStatus } from './season.enums';

const dateText = {
  to: (v: string) => v,
  from: (v: string | Date) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)),
};

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A booking season (vuorojako), e.g. autumn 2027: associations apply for recurring weekly slots in the window, staff allocate, and each allocation becomes a weekly series of reservations.',
})
@Entity({ name: 'booking_season' })
export class BookingSeason {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name, e.g. "Syyskausi 2027".' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ name: 'service_area_id', type: 'uuid', nullable: true })
  serviceAreaId!: string | null;

  @Field(() => Date, { description: 'Applications are taken from.' })
  @Column({ name: 'applications_open_at', type: 'timestamptz' })
  applicationsOpenAt!: Date;

  @Field(() => Date, { description: 'Applications are taken until.' })
  @Column({ name: 'applications_close_at', type: 'timestamptz' })
  applicationsCloseAt!: Date;

  @Field(() => String, { description: 'First day of the season, "YYYY-MM-DD" (Helsinki).' })
  @Column({ name: 'starts_on', type: 'date', transformer: dateText })
  startsOn!: string;

  @Field(() => String, { description: 'Last day of the season, "YYYY-MM-DD" (Helsinki).' })
  @Column({ name: 'ends_on', type: 'date', transformer: dateText })
  endsOn!: string;
}

@ObjectType({
  description:
    "An association's application for a recurring weekly slot in a booking season. Visible to the association's representatives and city staff.",
})
@Entity({ name: 'season_application' })
export class SeasonApplication {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'season_id', type: 'uuid' })
  seasonId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'applied_by', type: 'text' })
  appliedBy!: string;

  @Field(() => String, { description: 'What the slot is for, e.g. "Junioreiden salibandy".' })
  @Column({ type: 'text' })
  purpose!: string;

  @Field(() => Int, { nullable: true, description: 'Expected number of people.' })
  @Column({ type: 'int', nullable: true })
  attendees!: number | null;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @Column({ type: 'smallint' })
  weekday!: number;

  @Field(() => String, { description: 'Starts at, Helsinki local time "HH:MM".' })
  @Column({
    name: 'starts_at_local',
    type: 'time',
    transformer: { to: (v: string) => v, from: (v: string) => v.slice(0, 5) },
  })
  startsAtLocal!: string;

  @Field(() => String, { description: 'Ends at, Helsinki local time "HH:MM".' })
  @Column({
    name: 'ends_at_local',
    type: 'time',
    transformer: { to: (v: string) => v, from: (v: string) => v.slice(0, 5) },
  })
  endsAtLocal!: string;

  @Column({ name: 'space_ids', type: 'uuid', array: true })
  spaceIds!: string[];

  @Field(() => SeasonApplicationStatus, { description: 'Where the application is.' })
  @Column({ type: 'text' })
  status!: SeasonApplicationStatus;

  @Column({ name: 'allocated_space_id', type: 'uuid', nullable: true })
  allocatedSpaceId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Staff's note with the allocation or decline.",
  })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Field(() => Date, { description: 'When it was submitted.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
