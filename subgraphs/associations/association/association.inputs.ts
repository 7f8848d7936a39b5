import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { AddressInput } from '../../core/types/address.type';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { AssociationOrder, AssociationStatus, OrganizationKind } from './association.enums';

@InputType({ description: 'Narrows a list of associations. Every given condition must hold.' })
export class AssociationFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to look for in names and descriptions, in Finnish, Swedish or English. Inflected words match ("urheiluseuran" finds "Urheiluseura"), so do word beginnings ("urheil"), parts of compound words ("seura") and small typos. Every word must match.',
  })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Home municipality codes, e.g. ["398", "098"].',
  })
  municipalityCodes?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Associations in any of these categories.',
  })
  categoryIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Associations that work with any of these service areas.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Associations that work in any of these languages (ISO 639-1).',
  })
  languages?: string[] | null;

  @Field(() => [AssociationStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: AssociationStatus[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: OrganizationKind[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Only associations changed at or after this moment (their own fields, categories, activities or contacts): for incremental sync.',
  })
  updatedSince?: Date | null;
}

@ArgsType()
export class AssociationsArgs extends PageArgsType {
  @Field(() => AssociationFilter, {
    nullable: true,
    description: 'Conditions the associations must meet.',
  })
  filter?: AssociationFilter | null;

  @Field(() => AssociationOrder, {
    nullable: true,
    description: 'Ordering; RELEVANCE when searching, NAME otherwise.',
  })
  orderBy?: AssociationOrder | null;
}

/**
 * Fields an association's own representatives may change, as well as staff. Only the
 * subclasses appear in the schema: type-graphql emits reachable types only.
 */
@InputType({ description: 'Profile fields of an association.' })
export class AssociationProfileFields {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'What the association does, in plain words; null clears it.',
  })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Number of members.' })
  memberCount?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages it works in (ISO 639-1 codes).',
  })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Its categories; replaces the old list.' })
  categoryIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Website (http or https).' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "The association's public email." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "The association's public phone." })
  phone?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'Postal or visiting address.' })
  address?: AddressInput | null;
}

@InputType({ description: 'A new association in the directory (city staff only).' })
export class CreateAssociationInput extends AssociationProfileFields {
  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind!: OrganizationKind;

  @Field(() => AssociationStatus, { nullable: true, description: 'ACTIVE when not given.' })
  status?: AssociationStatus | null;

  @Field(() => String, {
    description: 'Home municipality, Statistics Finland\'s code, e.g. "398".',
  })
  municipalityCode!: string;

  @Field(() => String, { nullable: true, description: 'Business ID (Y-tunnus), e.g. "1234567-8".' })
  businessId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number in the Register of Associations, e.g. "123456" or "123.456".',
  })
  registerNumber?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year founded; not in the future.' })
  foundedYear?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Service areas it works with.' })
  serviceAreaIds?: string[] | null;
}

@InputType({
  description:
    'Changes to an association. Omitted fields stay as they are; null clears a field. Representatives may change the profile fields (description, member count, languages, categories, website, email, phone, address); the rest is for city staff.',
})
export class UpdateAssociationInput extends AssociationProfileFields {
  @Field(() => ID, { description: 'The association to change.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name; Finnish required.' })
  name?: LocalizedTextInput | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'What kind of body it is.' })
  kind?: OrganizationKind | null;

  @Field(() => AssociationStatus, { nullable: true, description: 'Whether it is active.' })
  status?: AssociationStatus | null;

  @Field(() => String, { nullable: true, description: "Home municipality's code." })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Business ID (Y-tunnus).' })
  businessId?: string | null;

  @Field(() => String, { nullable: true, description: 'Number in the Register of Associations.' })
  registerNumber?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year founded.' })
  foundedYear?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Service areas; replaces the old list.' })
  serviceAreaIds?: string[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "The `updatedAt` the client last saw. When given and the association changed since, nothing is written and the answer is CONFLICT: no one silently overwrites another's edit.",
  })
  expectedUpdatedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
