import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';

@InputType({ description: 'A new category of the directory (admins only).' })
export class CreateCategoryInput {
  @Field(() => String, { description: 'Short stable name for URLs, e.g. "peer-support".' })
  slug!: string;

  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What belongs in it.' })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Position in lists; smaller first.' })
  sortOrder?: number | null;
}

@InputType({ description: 'Changes to a category; omitted fields stay as they are.' })
export class UpdateCategoryInput {
  @Field(() => ID, { description: 'The category to change.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name; Finnish required.' })
  name?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What belongs in it.' })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Position in lists; smaller first.' })
  sortOrder?: number | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
