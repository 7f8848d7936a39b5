import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { AnnouncementStatus, AnnouncementLinkKind, Topic } from './announcement.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An announcement (tiedote) of the city to associations: public once published, and sent to the subscribers whose topics and audience it matches.',
})
@Entity({ name: 'announcement' })
export class Announcement {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Title; also the subject of its mails.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { description: 'The text, in Markdown.' })
  @Column({ type: 'jsonb' })
  body!: LocalizedText;

  @Field(() => Topic, { description: 'What it is about.' })
  @Column({ type: 'text' })
  topic!: Topic;

  @Column({ type: 'text' })
  status!: AnnouncementStatus;

  @Column({ type: 'boolean' })
  everyone!: boolean;

  @Column({ name: 'service_area_ids', type: 'uuid', array: true })
  serviceAreaIds!: string[];

  @Column({ name: 'category_ids', type: 'uuid', array: true })
  categoryIds!: string[];

  @Column({ name: 'municipality_codes', type: 'text', array: true })
  municipalityCodes!: string[];

  @Field(() => String, { nullable: true, description: 'A link for more, http or https.' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => AnnouncementLinkKind, {
    nullable: true,
    description: 'What it links to in the graph, if anything.',
  })
  @Column({ name: 'link_kind', type: 'text', nullable: true })
  linkKind!: AnnouncementLinkKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The linked thing’s id (a guide’s slug).',
  })
  @Column({ name: 'link_id', type: 'text', nullable: true })
  linkId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is (or was) to be published.' })
  @Column({ name: 'publish_at', type: 'timestamptz', nullable: true })
  publishAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this it is no longer listed.' })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
