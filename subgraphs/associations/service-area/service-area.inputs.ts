import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';

@InputType({ description: 'A new service area of the city (admins only).' })
export class CreateServiceAreaInput {
  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => Int, { nullable: true, description: 'Position in lists; smaller first.' })
  sortOrder?: number | null;
}

@InputType({
  description: 'Changes to a service area (its own staff or admins); omitted fields stay.',
})
export class UpdateServiceAreaInput {
  @Field(() => ID, { description: 'The service area to change.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name; Finnish required.' })
  name?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Position in lists; smaller first.' })
  sortOrder?: number | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'City liaison fields; on an update, omitted fields stay.' })
export class CityLiaisonFields {
  @Field(() => String, { nullable: true, description: 'Job title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Work email.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  phone?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True for the city's association coordinator. False when not given.",
  })
  isCoordinator?: boolean | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'What they can help associations with.',
  })
  responsibilities?: LocalizedTextInput | null;
}

@InputType({
  description: 'A new liaison in a service area (staff of that area or admins).',
})
export class AddCityLiaisonInput extends CityLiaisonFields {
  @Field(() => ID, { description: 'The service area they work in.' })
  serviceAreaId!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;
}

@InputType({ description: 'Changes to a liaison. Omitted fields stay; null clears.' })
export class UpdateCityLiaisonInput extends CityLiaisonFields {
  @Field(() => ID, { description: 'The liaison to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
