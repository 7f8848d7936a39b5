import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalizedText } from '../../core/types/localized-text.type';

@Directive('@key(fields: "code")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.Municipality,
})
export class Municipality {
  @Field(() => String, {
    description: "Statistics Finland's three-digit municipality code, e.g. 398 for Lahti.",
  })
  code!: string;

  @Field(() => LocalizedText, {
    description:
      'Its official names: `fi` and `sv` always (the same where the municipality has no separate Swedish name); `en` is not set.',
  })
  name!: LocalizedText;
}
