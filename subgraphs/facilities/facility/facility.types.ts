import { Field, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../../core/types/localized-text.type';
import { LinkKind } from './facility.enums';

@ObjectType({ description: 'A link about a facility: a photo, its web page, a map.' })
export class FacilityLink {
  @Field(() => String, { description: 'The address (https).' })
  url!: string;

  @Field(() => LinkKind, { description: 'What the link points to.' })
  kind!: LinkKind;

  @Field(() => LocalizedText, { nullable: true, description: 'Caption or link text.' })
  title?: LocalizedText | null;
}

@ObjectType({
  description: 'One period a facility is open on a weekday, in Helsinki local time.',
})
export class OpeningPeriod {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Opens at, local time "HH:MM".' })
  opens!: string;

  @Field(() => String, { description: 'Closes at, local time "HH:MM" ("24:00" = midnight).' })
  closes!: string;
}

@ObjectType({
  description: 'A date whose opening hours differ from the usual weekday: closed, or other times.',
})
export class OpeningException {
  @Field(() => String, { description: 'The local date, "YYYY-MM-DD".' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Opens at "HH:MM"; null when closed.' })
  opens!: string | null;

  @Field(() => String, { nullable: true, description: 'Closes at "HH:MM"; null when closed.' })
  closes!: string | null;

  @Field(() => Boolean, { description: 'True when the facility is closed the whole day.' })
  closed!: boolean;

  @Field(() => LocalizedText, { nullable: true, description: 'Why, e.g. a public holiday.' })
  note!: LocalizedText | null;
}

/** Opening hours rows as the repository reads them. */
export interface OpeningHoursRow {
  facilityId: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpeningExceptionRow {
  facilityId: string;
  date: string;
  opens: string | null;
  closes: string | null;
  note: LocalizedText | null;
}
