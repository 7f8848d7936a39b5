import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { BaseContext } from '../context';
import type { PersonalDataService } from './personal-data.service';
import { PersonalDataAnswer, PersonalDataRequestInput } from './personal-data.types';

/** A subgraph's context as the personal-data mutation needs it. */
export interface PersonalDataContext extends BaseContext {
  personalData: PersonalDataService;
}

/**
 * The one mutation each subgraph has for a person's data, named after the subgraph
 * (`eventsPersonalData`, …) because root fields cannot be shared. A mutation even to read:
 * every request is written to the subgraph's log before it is answered, and a query would
 * be sent to a read-only replica.
 */
export function personalDataResolver(service: string, holds: string) {
  @Resolver()
  class PersonalDataResolver {
    @Mutation(() => PersonalDataAnswer, {
      name: `${service}PersonalData`,
      // Null with an error at its path: the other subgraphs' answers in the same request stand.
      nullable: true,
      description: `A person's data in the ${service} subgraph (${holds}): exported, or erased as far as the law allows, or a dry run of the erasure. Only the person themself (their token's \`sub\`, with the \`gdprquery\` scope to export and \`gdprdelete\` to erase) or the city's data-protection role (a staff token with the \`dataprotection\` scope). Every request is logged. The hub's GDPR endpoint, /gdpr-api/v1/profiles/{subject}, asks all six subgraphs at once.`,
    })
    personalData(
      @Arg('input', () => PersonalDataRequestInput, { description: 'Whose data, and what to do.' })
      input: PersonalDataRequestInput,
      @Ctx() ctx: PersonalDataContext,
    ): Promise<PersonalDataAnswer> {
      return ctx.personalData.handle(input);
    }
  }
  return PersonalDataResolver;
}
