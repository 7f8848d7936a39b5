import { createHash } from 'node:crypto';
import { Arg, Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';

const LANGUAGES_ARG = 'Language codes in order of preference: fi, sv or en.';

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

  /*
   * The fields below are methods on the type: type-graphql calls them with the value as
   * `this`, in every subgraph alike, so the shared type composes without a resolver of its own.
   * Optional, so the plain `{ fi, sv, en }` values the code passes around still are one.
   */
  @Field(() => ID, {
    description:
      "The text's identity, made from the text itself (all its languages): the same text has the same id wherever it appears, a changed text a new one. Select it beside the languages (`name { id fi }`) and a client cache with no configuration (Apollo Client's default `__typename:id`) keeps the languages two queries asked for separately, instead of the second replacing the first.",
  })
  id?(): string {
    return localizedTextId(this);
  }

  @Field(() => String, {
    nullable: true,
    description:
      'The text in the first of `languages` that has it, e.g. `text(languages: ["sv", "fi"])` for Swedish, else Finnish; null when none has. Ask `language` with the same list for the `lang` attribute.',
  })
  text?(
    @Arg('languages', () => [String], { description: LANGUAGES_ARG }) languages: string[],
  ): string | null {
    const chosen = firstPresent(this, languages);
    return chosen ? this[chosen]! : null;
  }

  @Field(() => String, {
    nullable: true,
    description:
      'Which of `languages` `text` answers in (fi, sv or en): the language to mark the text with; null when none has it.',
  })
  language?(
    @Arg('languages', () => [String], { description: LANGUAGES_ARG }) languages: string[],
  ): string | null {
    return firstPresent(this, languages);
  }
}

/**
 * A value's identity is its content: a text is immutable (an edit makes a new one), so two
 * equal texts may share one cache entry, and an edited text never merges with its old
 * languages. 96 bits of SHA-256 keep collisions out of reach for any directory's texts.
 */
export function localizedTextId(text: Pick<LocalizedText, Language>): string {
  const content = JSON.stringify([text.fi ?? null, text.sv ?? null, text.en ?? null]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 16);
}

/** The first language of the list the text has (non-blank); a code outside fi/sv/en is refused. */
function firstPresent(text: LocalizedText, languages: readonly string[]): Language | null {
  const unknown = languages.findIndex((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (unknown >= 0 || languages.length === 0 || languages.length > LANGUAGES.length) {
    throw BadUserInputError.single(
      unknown >= 0 ? `languages[${unknown}]` : 'languages',
      'LANGUAGE',
      unknown >= 0
        ? `must be fi, sv or en, got ${JSON.stringify(languages[unknown]).slice(0, 40)}`
        : 'must name from one to three of fi, sv and en',
    );
  }
  return (languages as Language[]).find((l) => (text[l] ?? '').trim() !== '') ?? null;
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
