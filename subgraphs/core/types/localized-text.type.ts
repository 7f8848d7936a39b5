import { Directive, Field, InputType, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({
  description:
    'Text in the languages a Finnish municipality serves. `fi` is always present on public data; `sv` and `en` when translated.',
})
export class LocalizedText {
  @Field(() => String, { nullable: true, description: 'Finnish.' })
  fi?: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish.' })
  sv?: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  en?: string | null;
}

@InputType({ description: 'Text in Finnish (required) and optionally Swedish and English.' })
export class LocalizedTextInput {
  @Field(() => String, { description: 'Finnish; required.' })
  fi!: string;

  @Field(() => String, { nullable: true, description: 'Swedish.' })
  sv?: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  en?: string | null;
}

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
