import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { FacilitiesContext } from '../facilities.context';
import { HoldVenueInput } from './venue-hold.inputs';
import { VenueHold } from './venue-hold.types';

/** Events holding city spaces: asked by the events subgraph as it publishes an event. */
@Resolver(() => VenueHold)
export class VenueHoldResolver {
  @Mutation(() => VenueHold, {
    description:
      "Holds a space for events about to be published (the events subgraph calls this with the caller's token; clients use createEvent). Judged as Space.venueCheck judges; if every occurrence fits, each is held under the same database guarantee as reservations, pending until the event is published, and lapses after five minutes if it never is. Nothing is held unless the outcome is HELD.",
  })
  holdVenue(
    @Arg('input', () => HoldVenueInput, { description: 'The space and the occurrences.' })
    input: HoldVenueInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.venueHolds.hold(input);
  }
}
