import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The cooperation calendar of one year (and optionally one service area). The events
 * subgraph owns it; this subgraph adds the application rounds: windows and deadlines.
 * (Its own class, not a shared one: see facilities/refs/calendar.ref.ts for why.)
 */
@Directive('@key(fields: "year serviceAreaId")')
@ObjectType('Calendar', {
  description: ENTITY_DESCRIPTIONS.Calendar,
})
export class CalendarRef {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The service area; null for the whole city.' })
  serviceAreaId!: string | null;
}
