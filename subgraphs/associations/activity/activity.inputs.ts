import { Field, ID, InputType } from 'type-graphql';
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
}
