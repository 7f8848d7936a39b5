import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { EventKind, EventStatus } from './event.enums';

@InputType({ description: 'Narrows a list of events. Every given condition must hold.' })
export class EventFilter {
  @Field(() => Date, {
    nullable: true,
    description:
      'Events that end at or after this moment. Not given: now (what is on and coming); null: from the first event.',
  })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events that start before this moment.' })
  to?: Date | null;

  @Field(() => [EventKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: EventKind[] | null;

  @Field(() => [EventStatus], {
    nullable: true,
    description: 'Any of these statuses; drafts only for city staff.',
  })
  statuses?: EventStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organised by any of these associations.' })
  organizerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Involving any of these service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Held in any of these spaces.' })
  venueIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tagged with all of these keywords.' })
  keywords?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in titles and descriptions (Finnish, Swedish, English; inflected forms match).',
  })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only events free of charge.' })
  freeOnly?: boolean | null;
}

@ArgsType()
export class EventsArgs extends PageArgsType {
  @Field(() => EventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  filter?: EventFilter | null;
}

@ArgsType()
export class AssociationEventsArgs extends PageArgsType {}
