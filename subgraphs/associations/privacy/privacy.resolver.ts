import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { PageArgsType } from '../../core/page.args';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';
import type { AssociationsContext } from '../associations.context';
import { ContactDetailRead } from './contact-detail-read.entity';
import { ContactDetailReadFilterInput } from './privacy.inputs';

const ContactDetailReadConnection = createConnectionType(
  'ContactDetailRead',
  ContactDetailRead,
  'read of unpublished contact details',
);

@Resolver()
export class PrivacyResolver {
  @Query(() => ContactDetailReadConnection, {
    nullable: true,
    description:
      'Who read contact persons’ unpublished email or phone, and when, newest first: for the city’s data-protection role only (a staff or admin token with the `dataprotection` scope); null with a FORBIDDEN error at this path for anyone else.',
  })
  contactDetailReads(
    @Arg('filter', () => ContactDetailReadFilterInput, {
      nullable: true,
      description: 'Whose reads; all when left out.',
    })
    filter: ContactDetailReadFilterInput | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.privacy.contactDetailReads(filter, page);
  }
}

export const AssociationsPersonalDataResolver = personalDataResolver(
  'associations',
  'contact persons found by their email, and who read their unpublished details',
);
