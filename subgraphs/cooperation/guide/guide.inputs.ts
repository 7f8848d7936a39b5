import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { GuideAudience, GuideKind } from './guide.enums';

@InputType({ description: 'A new text of the handbook (city staff).' })
export class CreateGuideInput {
  @Field(() => String, {
    description: 'Address part: lower-case letters, digits and dashes, e.g. "avustussaanto".',
  })
  slug!: string;

  @Field(() => GuideKind, { description: 'What it is.' })
  kind!: GuideKind;

  @Field(() => GuideAudience, {
    nullable: true,
    description: 'Whom it is for; EVERYONE by default.',
  })
  audience?: GuideAudience | null;

  @Field(() => LocalizedTextInput, { description: 'Title; Finnish required.' })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: 'The text in Markdown; Finnish required.' })
  body!: LocalizedTextInput;

  @Field(() => Int, { nullable: true, description: 'Place in the table of contents; default 0.' })
  position?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The working group that keeps it; its members are the guide’s contacts.',
  })
  workingGroupId?: string | null;
}

@InputType({
  description:
    'Changes to a guide. A new title or text makes a new version; the earlier one stays readable.',
})
export class UpdateGuideInput {
  @Field(() => ID, { description: 'The guide.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Address part.' })
  slug?: string | null;

  @Field(() => GuideKind, { nullable: true, description: 'What it is.' })
  kind?: GuideKind | null;

  @Field(() => GuideAudience, { nullable: true, description: 'Whom it is for.' })
  audience?: GuideAudience | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Title.' })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'The text in Markdown.' })
  body?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Place in the table of contents.' })
  position?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The working group that keeps it; null for none.',
  })
  workingGroupId?: string | null;
}
