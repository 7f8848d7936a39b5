import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { AudienceInput } from '../audience/audience';
import { AnnouncementStatus, AnnouncementLinkKind, Topic } from './announcement.enums';

@InputType({ description: 'A new announcement (city staff), created as a DRAFT.' })
export class CreateAnnouncementInput {
  @Field(() => LocalizedTextInput, {
    description: 'Title; Finnish required; up to 200 characters.',
  })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, {
    description: 'The text in Markdown; Finnish required; up to 20,000 characters.',
  })
  body!: LocalizedTextInput;

  @Field(() => Topic, { description: 'What it is about.' })
  topic!: Topic;

  @Field(() => AudienceInput, { description: 'Who it is for.' })
  audience!: AudienceInput;

  @Field(() => Date, {
    nullable: true,
    description: 'When to publish it; publishAnnouncement then schedules it. None: at once.',
  })
  publishAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it stops being listed.' })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A link for more (http or https).' })
  url?: string | null;

  @Field(() => AnnouncementLinkKind, {
    nullable: true,
    description: 'What it links to in the graph.',
  })
  linkKind?: AnnouncementLinkKind | null;

  @Field(() => String, { nullable: true, description: 'The linked thing’s id (a guide’s slug).' })
  linkId?: string | null;
}

@InputType({
  description:
    'Changes to an announcement that is not yet published (DRAFT or SCHEDULED); omitted fields stay, null clears.',
})
export class UpdateAnnouncementInput {
  @Field(() => ID, { description: 'The announcement.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Title.' })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'The text in Markdown.' })
  body?: LocalizedTextInput | null;

  @Field(() => Topic, { nullable: true, description: 'What it is about.' })
  topic?: Topic | null;

  @Field(() => AudienceInput, { nullable: true, description: 'Who it is for.' })
  audience?: AudienceInput | null;

  @Field(() => Date, { nullable: true, description: 'When to publish it (DRAFT only).' })
  publishAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it stops being listed.' })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A link for more (http or https).' })
  url?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Narrows the announcements listed. Every given condition must hold.' })
export class AnnouncementFilter {
  @Field(() => [Topic], { nullable: true, description: 'Any of these topics.' })
  topics?: Topic[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'For any of these service areas (announcements for everyone included).',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'For any of these categories (announcements for everyone included).',
  })
  categoryIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'For any of these municipalities (announcements for everyone included).',
  })
  municipalityCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or text.' })
  search?: string | null;

  @Field(() => [AnnouncementStatus], {
    nullable: true,
    description: 'Staff: any of these statuses; the public always sees PUBLISHED, unexpired ones.',
  })
  statuses?: AnnouncementStatus[] | null;
}

@ArgsType()
export class AnnouncementsArgs extends PageArgsType {
  @Field(() => AnnouncementFilter, { nullable: true, description: 'Conditions to meet.' })
  filter?: AnnouncementFilter | null;
}
