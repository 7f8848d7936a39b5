import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { TargetGroup } from './activity.enums';

@InputType({ description: 'Activity fields; on an update, omitted fields stay as they are.' })
export class ActivityFields {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'What happens there.' })
  description?: LocalizedTextInput | null;

  @Field(() => [TargetGroup], { nullable: true, description: 'Who it is for.' })
  targetGroups?: TargetGroup[] | null;

  @Field(() => [String], { nullable: true, description: 'Languages it runs in (ISO 639-1).' })
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True when taking part costs nothing.' })
  isFree?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where, in plain text.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'When, in plain text.' })
  schedule?: string | null;

  @Field(() => String, { nullable: true, description: 'Web page (http or https).' })
  url?: string | null;
}

@InputType({
  description: 'A new activity of an association (its representatives or city staff).',
})
export class AddActivityInput extends ActivityFields {
  @Field(() => ID, { description: 'The association that runs it.' })
  associationId!: string;

  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;
}

@InputType({ description: 'Changes to an activity. Omitted fields stay; null clears.' })
export class UpdateActivityInput extends ActivityFields {
  @Field(() => ID, { description: 'The activity to change.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name; Finnish required.' })
  name?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({
  description: 'Narrows the activities listed; every given condition must hold.',
})
export class ActivityFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in activity names and descriptions (Finnish, Swedish, English; inflected forms match). Every word must match.',
  })
  search?: string | null;

  @Field(() => [TargetGroup], { nullable: true, description: 'For any of these target groups.' })
  targetGroups?: TargetGroup[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Run in any of these languages (ISO 639-1, e.g. ["fi", "sv"]).',
  })
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only activities free of charge.' })
  freeOnly?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Run by any of these associations.' })
  associationIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Run by associations based in any of these municipalities (codes).',
  })
  municipalityCodes?: string[] | null;
}

@ArgsType()
export class ActivitiesArgs extends PageArgsType {
  @Field(() => ActivityFilter, { nullable: true, description: 'What to list.' })
  filter?: ActivityFilter | null;
}
