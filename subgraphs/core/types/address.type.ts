import { Directive, Field, InputType, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ description: 'A postal address in Finland.' })
export class Address {
  @Field(() => String, {
    nullable: true,
    description: 'Street and number, e.g. "Vapaudenkatu 10".',
  })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Five-digit Finnish postal code.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Post office or city name.' })
  city?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Statistics Finland's three-digit municipality code, e.g. 398 for Lahti.",
  })
  municipalityCode?: string | null;
}

@InputType({ description: 'A postal address in Finland; every part optional.' })
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Five-digit Finnish postal code.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Post office or city name.' })
  city?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Statistics Finland's three-digit municipality code.",
  })
  municipalityCode?: string | null;
}
