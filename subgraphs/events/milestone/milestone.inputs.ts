import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { MilestoneKind } from './milestone.enums';

@InputType({ description: 'Milestone fields; on an update, omitted fields stay and null clears.' })
export class MilestoneFields {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'What it means for associations.',
  })
  description?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'More information (http or https).' })
  url?: string | null;
}

@InputType({
  description:
    'A new milestone of the cooperation year: by staff of its service area, or by any staff for a city-wide one.',
})
export class CreateMilestoneInput extends MilestoneFields {
  @Field(() => LocalizedTextInput, { description: 'Title; Finnish required.' })
  title!: LocalizedTextInput;

  @Field(() => MilestoneKind, { description: 'What kind of milestone.' })
  kind!: MilestoneKind;

  @Field(() => String, { description: 'First day, "YYYY-MM-DD" (Helsinki).' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day, "YYYY-MM-DD"; the first day or later.' })
  endsOn!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The service area it belongs to; none: city-wide.',
  })
  serviceAreaId?: string | null;
}

@InputType({ description: 'Changes to a milestone. Calendars that subscribe see the new version.' })
export class UpdateMilestoneInput extends MilestoneFields {
  @Field(() => ID, { description: 'The milestone.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Title.' })
  title?: LocalizedTextInput | null;

  @Field(() => MilestoneKind, { nullable: true, description: 'What kind of milestone.' })
  kind?: MilestoneKind | null;

  @Field(() => String, { nullable: true, description: 'First day, "YYYY-MM-DD".' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, "YYYY-MM-DD".' })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
