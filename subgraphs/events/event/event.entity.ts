import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { EventKind, EventStatus } from './event.enums';

@ObjectType({ description: 'A link to material of an event.' })
export class EventMaterial {
  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'The address.' })
  url!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A meeting or event of the cooperation: association evening, forum, joint event …',
})
@Entity({ name: 'event' })
export class Event {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What happens and for whom.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => EventKind, { description: 'Kind of event.' })
  @Column({ type: 'text' })
  kind!: EventKind;

  @Field(() => EventStatus, { description: 'Whether it is going ahead.' })
  @Column({ type: 'text' })
  status!: EventStatus;

  @Field(() => Date, { description: 'Start (UTC in storage; show in Europe/Helsinki).' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => Boolean, {
    description:
      'True for an event of whole days with no clock times: it runs from Helsinki midnight at startsAt to Helsinki midnight at endsAt (exclusive).',
  })
  @Column({ name: 'all_day', type: 'boolean', default: false })
  allDay!: boolean;

  @Column({ name: 'venue_space_id', type: 'uuid', nullable: true })
  venueSpaceId!: string | null;

  @Column({ name: 'working_group_id', type: 'uuid', nullable: true })
  workingGroupId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where, in plain text, when not (only) a bookable space.',
  })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'Link for joining online.' })
  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Field(() => [String], { description: 'Keywords, e.g. ["hyvinvointi", "avustukset"].' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords!: string[];

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Who it is for, e.g. "Kaikki yhdistykset".',
  })
  @Column({ type: 'jsonb', nullable: true })
  audience!: LocalizedText | null;

  @Field(() => Boolean, { description: 'True when taking part costs nothing.' })
  @Column({ name: 'is_free', type: 'boolean', default: true })
  isFree!: boolean;

  @Field(() => [EventMaterial], { description: 'Slides, memos and other materials, as links.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials!: EventMaterial[];

  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt!: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt!: Date | null;

  @Field(() => Int, {
    description:
      'Grows by one whenever the event changes (iCalendar SEQUENCE): calendars replace their copy.',
  })
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId!: string | null;

  @Field(() => Boolean, {
    description:
      'True for an occurrence of a series that was changed or cancelled on its own (an exception).',
  })
  @Column({ name: 'series_exception', type: 'boolean', default: false })
  seriesException!: boolean;

  @Field(() => LocalizedText, {
    nullable: true,
    description:
      "The meeting's notes (muistio) in Markdown: for a working group's meetings, written by its organisers.",
  })
  @Column({ type: 'jsonb', nullable: true })
  notes!: LocalizedText | null;

  @Field(() => Boolean, {
    description: 'Feedback is taken only from associations marked as having come, and from staff.',
  })
  @Column({ name: 'feedback_from_attendees_only', type: 'boolean', default: false })
  feedbackFromAttendeesOnly!: boolean;

  /** Everyone who came, walk-ins included, as the organiser counted (recordAttendance). */
  @Column({ name: 'head_count', type: 'integer', nullable: true })
  headCount!: number | null;

  @Column({ name: 'attendance_recorded_at', type: 'timestamptz', nullable: true })
  attendanceRecordedAt!: Date | null;

  @Field(() => Date, { description: 'When this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
