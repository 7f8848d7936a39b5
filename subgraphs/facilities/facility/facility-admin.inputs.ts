import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from '../../core/types/address.type';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { FacilityKind, LinkKind } from './facility.enums';

@InputType({ description: 'A link about a facility.' })
export class FacilityLinkInput {
  @Field(() => String, { description: 'The address (http or https).' })
  url!: string;

  @Field(() => LinkKind, { description: 'What it points to.' })
  kind!: LinkKind;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Caption or link text.' })
  title?: LocalizedTextInput | null;
}

@InputType({ description: 'Facility fields; on an update, omitted fields stay.' })
export class FacilityFields {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'What the building offers associations.',
  })
  description?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Accessibility in plain words.' })
  accessibility?: LocalizedTextInput | null;

  @Field(() => [FacilityLinkInput], {
    nullable: true,
    description: 'Photos, web page, map (replaces all).',
  })
  links?: FacilityLinkInput[] | null;
}

@InputType({ description: 'A new facility (staff of its service area, or an admin).' })
export class CreateFacilityInput extends FacilityFields {
  @Field(() => LocalizedTextInput, { description: 'Name of the building.' })
  name!: LocalizedTextInput;

  @Field(() => FacilityKind, { description: 'What kind of building it is.' })
  kind!: FacilityKind;

  @Field(() => AddressInput, { description: 'Street address.' })
  address!: AddressInput;

  @Field(() => String, { description: 'Municipality as Statistics Finland\'s code, e.g. "398".' })
  municipalityCode!: string;

  @Field(() => ID, { description: 'The service area that owns it; its staff decide reservations.' })
  serviceAreaId!: string;
}

@InputType({ description: 'Changes to a facility. Omitted fields stay; null clears.' })
export class UpdateFacilityInput extends FacilityFields {
  @Field(() => ID, { description: 'The facility.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name of the building.' })
  name?: LocalizedTextInput | null;

  @Field(() => FacilityKind, { nullable: true, description: 'What kind of building it is.' })
  kind?: FacilityKind | null;

  @Field(() => AddressInput, { nullable: true, description: 'Street address.' })
  address?: AddressInput | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'One opening period on a weekday, Helsinki local time.' })
export class OpeningPeriodInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Opens at "HH:MM".' })
  opens!: string;

  @Field(() => String, { description: 'Closes at "HH:MM" ("24:00" for midnight).' })
  closes!: string;
}

@InputType({ description: "A facility's regular opening hours, replacing the old ones." })
export class SetOpeningHoursInput {
  @Field(() => ID, { description: 'The facility.' })
  facilityId!: string;

  @Field(() => [OpeningPeriodInput], {
    description: 'Every period of the week; an empty list closes it.',
  })
  periods!: OpeningPeriodInput[];
}

@InputType({ description: 'Other hours on one date, or closed (no times).' })
export class SetOpeningExceptionInput {
  @Field(() => ID, { description: 'The facility.' })
  facilityId!: string;

  @Field(() => String, { description: 'The local date, "YYYY-MM-DD".' })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Opens at "HH:MM"; omit both times for closed.',
  })
  opens?: string | null;

  @Field(() => String, { nullable: true, description: 'Closes at "HH:MM".' })
  closes?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Why, e.g. "Itsenäisyyspäivä".' })
  note?: LocalizedTextInput | null;
}
