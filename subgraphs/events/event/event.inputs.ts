import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { EventKind, EventStatus } from './event.enums';

@InputType({ description: 'Narrows a list of events. Every given condition must hold.' })
export class EventFilter {
  @Field(() => Date, { nullable: true, description: 'Events that end at or after this moment.' })
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
}

@ArgsType()
export class EventsArgs extends PageArgsType {
  @Field(() => EventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  filter?: EventFilter | null;
}

@ArgsType()
export class AssociationEventsArgs extends PageArgsType {}
